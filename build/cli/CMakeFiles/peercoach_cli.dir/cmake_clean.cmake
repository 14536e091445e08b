file(REMOVE_RECURSE
  "../peercoach"
  "../peercoach.pdb"
  "CMakeFiles/peercoach_cli.dir/check_command.cc.o"
  "CMakeFiles/peercoach_cli.dir/check_command.cc.o.d"
  "CMakeFiles/peercoach_cli.dir/common.cc.o"
  "CMakeFiles/peercoach_cli.dir/common.cc.o.d"
  "CMakeFiles/peercoach_cli.dir/explain_command.cc.o"
  "CMakeFiles/peercoach_cli.dir/explain_command.cc.o.d"
  "CMakeFiles/peercoach_cli.dir/main.cc.o"
  "CMakeFiles/peercoach_cli.dir/main.cc.o.d"
  "CMakeFiles/peercoach_cli.dir/rules_command.cc.o"
  "CMakeFiles/peercoach_cli.dir/rules_command.cc.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/peercoach_cli.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
