# Warnings as errors for the project's own code: an INTERFACE target linked PRIVATE,
# never global flags, so consumers and third-party headers are not affected.
add_library(peercoach_warnings INTERFACE)
target_compile_options(peercoach_warnings INTERFACE -Wall -Wextra -Wpedantic -Werror)

# Sanitizers for the whole tree when PEERCOACH_SANITIZE is on (the ASan+UBSan test build).
add_library(peercoach_sanitize INTERFACE)
if(PEERCOACH_SANITIZE)
  target_compile_options(peercoach_sanitize INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(peercoach_sanitize INTERFACE -fsanitize=address,undefined)
endif()

# The libFuzzer build (scripts/fuzz): coverage for libFuzzer plus ASan and UBSan, everywhere.
if(PEERCOACH_FUZZ)
  target_compile_options(peercoach_sanitize INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
  target_link_options(peercoach_sanitize INTERFACE -fsanitize=address,undefined)
endif()
