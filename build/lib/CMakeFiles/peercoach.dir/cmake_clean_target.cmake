file(REMOVE_RECURSE
  "libpeercoach.a"
)
