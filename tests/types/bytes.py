"""bytes: every public method on ordinary and edge inputs."""
from _bytes_common import main

main(bytes)
