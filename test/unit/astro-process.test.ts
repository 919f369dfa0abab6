/** The Astro process started early waits for the go (with the variables it brings), or ends unused. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ASTRO_GO, waitForGo } from '../../src/pipeline/astro-process.ts';

function channel(connected = true) {
  const emitter = new EventEmitter() as EventEmitter & { send: () => boolean; connected: boolean };
  emitter.send = () => true;
  emitter.connected = connected;
  return emitter;
}

describe('waitForGo', () => {
  it('resolves with the variables of the go, ignoring other messages, and stops listening', async () => {
    const ch = channel();
    const go = waitForGo(ch as never);
    ch.emit('message', { type: 'briefing:shard-written', shard: 0 });
    ch.emit('message', { type: ASTRO_GO, env: { BRIEFING_SITE_KEY: 'k' } });
    expect(await go).toEqual({ type: ASTRO_GO, env: { BRIEFING_SITE_KEY: 'k' } });
    expect(ch.listenerCount('message') + ch.listenerCount('disconnect')).toBe(0);
  });

  it('resolves null when the channel closes first, or was closed while Astro loaded', async () => {
    const ch = channel();
    const go = waitForGo(ch as never);
    ch.emit('disconnect');
    expect(await go).toBeNull();
    expect(await waitForGo(channel(false) as never)).toBeNull();
  });

  it('goes at once with nothing to add when run on its own (no channel)', async () => {
    expect(await waitForGo({ on: () => undefined, once: () => undefined, off: () => undefined } as never)).toEqual({ type: ASTRO_GO, env: {} });
  });
});
