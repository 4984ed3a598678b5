import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** `node` arguments before the script, as given by `npm start` and by the Docker image's CMD. */
function nodeFlags(command: string[]): string[] {
  expect(command[0]).toBe('node');
  return command.slice(1, command.findIndex((arg) => arg.endsWith('main.js')));
}

describe('packaging', () => {
  // The GC flags are measured (README, Operations): an image that drops one runs a slower, spikier server.
  it('the Docker image starts the API with the same Node flags as npm start', () => {
    const start: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;
    const dockerfile = readFileSync(join(root, 'docker/Dockerfile'), 'utf8');
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
    expect(cmd).not.toBeNull();
    const startFlags = nodeFlags(start.split(/\s+/));
    expect(startFlags).toContain('--no-allocation-site-pretenuring');
    expect(nodeFlags(JSON.parse(cmd![1]))).toEqual(startFlags);
  });
});
