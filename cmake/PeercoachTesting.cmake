# add_peercoach_test(NAME SOURCES... [LABELS ...]): one GoogleTest binary, its tests
# discovered into ctest, with the library's private headers for unit tests of internals.
find_package(GTest REQUIRED)
include(GoogleTest)

function(add_peercoach_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/lib/src)
  target_link_libraries(${name} PRIVATE peercoach::peercoach GTest::gtest GTest::gtest_main
    PkgConfig::RE2 ICU::uc ICU::i18n fmt::fmt nlohmann_json::nlohmann_json
    peercoach_warnings peercoach_sanitize)
  target_compile_definitions(${name} PRIVATE
    PEERCOACH_BINARY="$<TARGET_FILE:peercoach_cli>"
    PEERCOACH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()
