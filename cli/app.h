// The dipcal command line as a function: parse argv, run the command, return the exit code. main()
// calls it; the in-process tests call it too.
#pragma once

namespace dipcal::cli {

// Exit codes as the README documents them (session.h: ExitCode).
int run(int argc, char** argv);

}  // namespace dipcal::cli
