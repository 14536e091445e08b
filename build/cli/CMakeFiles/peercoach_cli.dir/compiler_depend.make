# Empty compiler generated dependencies file for peercoach_cli.
# This may be replaced when dependencies are built.
