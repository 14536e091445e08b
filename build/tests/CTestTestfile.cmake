# CMake generated Testfile for 
# Source directory: /work/main/tests
# Build directory: /work/main/build/tests
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
include("/work/main/build/tests/text_test[1]_include.cmake")
include("/work/main/build/tests/segmentation_test[1]_include.cmake")
include("/work/main/build/tests/rule_loading_test[1]_include.cmake")
include("/work/main/build/tests/rewrite_test[1]_include.cmake")
include("/work/main/build/tests/analyzer_test[1]_include.cmake")
include("/work/main/build/tests/category_test[1]_include.cmake")
include("/work/main/build/tests/cli_test[1]_include.cmake")
add_test([=[rules_examples]=] "/work/main/build/peercoach" "rules" "test")
set_tests_properties([=[rules_examples]=] PROPERTIES  LABELS "rules" _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;13;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test([=[install_package]=] "/work/main/tests/install/install_test.sh" "/work/main/build" "/work/main")
set_tests_properties([=[install_package]=] PROPERTIES  LABELS "install" _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;19;add_test;/work/main/tests/CMakeLists.txt;0;")
