# Empty dependencies file for peercoach.
# This may be replaced when dependencies are built.
