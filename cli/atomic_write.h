// Writing a file so that a reader sees the old contents or the new, never half of either: the bytes
// go to a temporary file in the same folder, are flushed to the disk (fsync), and the temporary file
// is renamed over the target. On any failure the temporary file is removed and the target is left
// as it was. write_output is where every command's -o FILE goes: such a file, or standard output.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace dipcal::cli {

enum class Overwrite { allow, refuse };

// Throws UsageError (session.h) saying what failed: "cannot write /x/cal.ics: No space left on
// device". With Overwrite::refuse an existing target is an error, checked atomically at the end.
void write_file_atomically(const std::filesystem::path& target, std::string_view contents, Overwrite overwrite = Overwrite::allow);

// To the file `output` (atomically) or, for "" and "-", to standard output; UsageError when that
// fails, naming `what` ("the calendar") when it is standard output that failed.
void write_output(const std::string& output, std::string_view text, std::string_view what = {}, Overwrite overwrite = Overwrite::allow);

}  // namespace dipcal::cli
