import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYERS, DEFAULT_STATE, LAYER_IDS, parseState, serializeState } from '../../src/lib/urlState';

describe('URL state', () => {
  it('round-trips a full view', () => {
    const s = { indicator: 'irrigation_coefficient' as const, county: '150430', layers: ['pipe_renewal' as const], view: { lon: 119.5, lat: 42.3, zoom: 8.25 } };
    expect(parseState(serializeState(s))).toEqual(s);
  });
  it('writes nothing for the default view', () => {
    expect(serializeState(DEFAULT_STATE)).toBe('');
  });
  it('keeps "no layers" distinct from the default layers', () => {
    expect(parseState('?l=').layers).toEqual([]);
    expect(parseState('').layers).toEqual([...DEFAULT_LAYERS]);
    expect(parseState(serializeState({ ...DEFAULT_STATE, layers: [...LAYER_IDS] })).layers).toEqual([...LAYER_IDS]);
  });
  it('falls back part by part on malformed or outdated values', () => {
    expect(parseState('?i=old_indicator&c=150427&l=pipe_renewal,bogus&v=0,0,99')).toEqual({
      ...DEFAULT_STATE,
      layers: ['pipe_renewal'],
    });
    expect(parseState('?v=119,42,abc').view).toBeNull();
    expect(parseState('?c=<script>').county).toBeNull();
  });
});
