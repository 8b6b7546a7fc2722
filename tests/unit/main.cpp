// The shared main of the unit tests: one executable, one test file per engine header.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
