
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/cli/check_command.cc" "cli/CMakeFiles/peercoach_cli.dir/check_command.cc.o" "gcc" "cli/CMakeFiles/peercoach_cli.dir/check_command.cc.o.d"
  "/work/main/cli/common.cc" "cli/CMakeFiles/peercoach_cli.dir/common.cc.o" "gcc" "cli/CMakeFiles/peercoach_cli.dir/common.cc.o.d"
  "/work/main/cli/explain_command.cc" "cli/CMakeFiles/peercoach_cli.dir/explain_command.cc.o" "gcc" "cli/CMakeFiles/peercoach_cli.dir/explain_command.cc.o.d"
  "/work/main/cli/main.cc" "cli/CMakeFiles/peercoach_cli.dir/main.cc.o" "gcc" "cli/CMakeFiles/peercoach_cli.dir/main.cc.o.d"
  "/work/main/cli/rules_command.cc" "cli/CMakeFiles/peercoach_cli.dir/rules_command.cc.o" "gcc" "cli/CMakeFiles/peercoach_cli.dir/rules_command.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build/lib/CMakeFiles/peercoach.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
