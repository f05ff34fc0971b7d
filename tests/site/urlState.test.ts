import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYERS, DEFAULT_STATE, LAYER_IDS, parseState, serializeState, viewUrl } from '../../src/lib/urlState';

describe('URL state', () => {
  it('round-trips a full view', () => {
    const s = { indicator: 'irrigation_coefficient' as const, mode: 'targets' as const, year: null, county: '150430', layers: ['pipe_renewal' as const], view: { lon: 119.5, lat: 42.3, zoom: 8.25 } };
    expect(parseState(serializeState(s))).toEqual(s);
  });
  it('round-trips the progress view and its year', () => {
    const s = { ...DEFAULT_STATE, indicator: 'irrigation_coefficient' as const, mode: 'progress' as const, year: 2024 };
    expect(serializeState(s)).toBe('?i=irrigation_coefficient&m=progress&y=2024');
    expect(parseState(serializeState(s))).toEqual(s);
    // the newest year: no y
    expect(parseState('?m=progress')).toEqual({ ...DEFAULT_STATE, mode: 'progress', year: null });
  });
  it('a year outside the progress view, or not a year, is dropped', () => {
    expect(parseState('?y=2024').year).toBeNull();
    expect(parseState('?m=progress&y=1999').year).toBeNull();
    expect(parseState('?m=progress&y=20x4').year).toBeNull();
    expect(parseState('?m=bogus&y=2024')).toEqual(DEFAULT_STATE);
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

describe('shared addresses (issue 11)', () => {
  it('keep only the known parameters, in a fixed order', () => {
    const at = { origin: 'https://water.example.gov.cn', pathname: '/atlas/' };
    const s = parseState('?utm_source=wechat&v=119.1,42.2,7&l=reclaimed_water_line,pipe_renewal,groundwater_overextraction&c=150402&i=gdp_water_decline&from=timeline');
    expect(viewUrl(at, s)).toBe(
      'https://water.example.gov.cn/atlas/?i=gdp_water_decline&c=150402&l=pipe_renewal,reclaimed_water_line,groundwater_overextraction&v=119.1000,42.2000,7.00',
    );
    // the order layers were switched on in does not matter
    expect(serializeState({ ...DEFAULT_STATE, layers: ['groundwater_overextraction', 'pipe_renewal'] })).toBe('?l=pipe_renewal,groundwater_overextraction');
    expect(viewUrl(at, parseState('?fbclid=x&junk=1'))).toBe('https://water.example.gov.cn/atlas/');
  });
});

describe('embed address', () => {
  it('keeps the view first, then controls=0 only when the controls are off', async () => {
    const { parseEmbedOptions, serializeEmbed } = await import('../../src/lib/urlState');
    const s = { ...DEFAULT_STATE, indicator: 'gdp_water_decline' as const, county: '150426' };
    expect(serializeEmbed(s, { controls: true })).toBe('?i=gdp_water_decline&c=150426');
    expect(serializeEmbed(s, { controls: false })).toBe('?i=gdp_water_decline&c=150426&controls=0');
    expect(serializeEmbed(DEFAULT_STATE, { controls: false })).toBe('?controls=0');
    expect(serializeEmbed(DEFAULT_STATE, { controls: true })).toBe('');
    expect(parseEmbedOptions('?controls=0').controls).toBe(false);
    expect(parseEmbedOptions('?controls=1&i=x').controls).toBe(true);
    expect(parseState('?i=gdp_water_decline&controls=0').indicator).toBe('gdp_water_decline');
  });
});
