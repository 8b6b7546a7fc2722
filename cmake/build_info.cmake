# Run at every build (cmake -P): writes OUTPUT, a C++ file naming the git commit the build was made
# from ("unknown" outside a git checkout; "-dirty" when tracked files differ from it). configure_file
# leaves an unchanged file alone, so an unchanged commit recompiles nothing.
#   cmake -DSOURCE_DIR=… -DOUTPUT=…/build_info.cpp -P build_info.cmake
set(commit unknown)
find_program(GIT git)
if(GIT)
  execute_process(COMMAND ${GIT} -C ${SOURCE_DIR} rev-parse --short=12 HEAD
    OUTPUT_VARIABLE head RESULT_VARIABLE failed OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT failed AND head)
    set(commit ${head})
    execute_process(COMMAND ${GIT} -C ${SOURCE_DIR} diff-index --quiet HEAD -- RESULT_VARIABLE dirty ERROR_QUIET)
    if(dirty)
      string(APPEND commit "-dirty")
    endif()
  endif()
endif()
file(WRITE ${OUTPUT}.in "// Generated at build time by cmake/build_info.cmake.\n#include \"build_info.h\"\n\nnamespace dipcal::cli {\n\nstd::string_view build_commit() { return \"\@commit\@\"; }\n\n}  // namespace dipcal::cli\n")
configure_file(${OUTPUT}.in ${OUTPUT} @ONLY)
