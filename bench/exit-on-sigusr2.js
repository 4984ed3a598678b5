'use strict';
/**
 * Preloaded (`node -r`) into a server run under `--cpu-prof`: SIGUSR2 exits normally, so that Node
 * writes the .cpuprofile (a process killed by SIGTERM/SIGKILL writes none).
 */
process.on('SIGUSR2', () => process.exit(0));
