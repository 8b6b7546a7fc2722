// dipcal: the command-line front of the diplomatic-calendar engine.
#include "app.h"

int main(int argc, char** argv) { return dipcal::cli::run(argc, argv); }
