#----------------------------------------------------------------
# Generated CMake target import file for configuration "Release".
#----------------------------------------------------------------

# Commands may need to know the format version.
set(CMAKE_IMPORT_FILE_VERSION 1)

# Import target "peercoach::peercoach" for configuration "Release"
set_property(TARGET peercoach::peercoach APPEND PROPERTY IMPORTED_CONFIGURATIONS RELEASE)
set_target_properties(peercoach::peercoach PROPERTIES
  IMPORTED_LINK_INTERFACE_LANGUAGES_RELEASE "CXX"
  IMPORTED_LOCATION_RELEASE "${_IMPORT_PREFIX}/lib/libpeercoach.a"
  )

list(APPEND _cmake_import_check_targets peercoach::peercoach )
list(APPEND _cmake_import_check_files_for_peercoach::peercoach "${_IMPORT_PREFIX}/lib/libpeercoach.a" )

# Commands beyond this point should not need to know the version.
set(CMAKE_IMPORT_FILE_VERSION)
