/**
 * The progress check runs unchanged in the browser (the update page): its module graph holds no
 * Node API, and the bundle runs in a bare context that has only what a browser has.
 */
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { parseAnnex } from '../../data-pipeline/steps/parseAnnex';
import { checkProgressFiles } from '../../src/domain/progress';
import { progressHeader } from '../../src/domain/progressTable';
import { bundleProgressDomain } from '../helpers/domainBundle';

const annex = parseAnnex(readFileSync('data-pipeline/input/annex.csv', 'utf8'), 'annex.csv');

describe('the progress check is browser-safe', () => {
  it('bundles for the browser with no Node built-in and no pipeline code', async () => {
    const { inputs } = await bundleProgressDomain();
    expect(inputs.some((i) => i.includes('src/domain/progress.ts'))).toBe(true);
    expect(inputs.filter((i) => /^node:|(^|\/)(fs|path|buffer|crypto|iconv-lite|exceljs)(\/|$)/.test(i))).toEqual([]);
    expect(inputs.filter((i) => i.includes('data-pipeline/'))).toEqual([]);
  });

  it('gives in a bare context (no require, process or Buffer) the same result as in Node', async () => {
    const { code } = await bundleProgressDomain();
    const H = progressHeader();
    const text = [H.join(','), `2024,150402,红山区,约0.9,,,,0.67,,赤峰市水资源公报（2024年）,`, `2024,150403,元宝山区,0.9,,,,,,赤峰市水资源公报（2024年）,`].join('\r\n');
    const bytes = new Uint8Array(iconv.encode(text, 'gb18030'));
    const ctx = { annex, currentYear: 2026 };
    const noExcel = async () => {
      throw new Error('not needed for CSV');
    };
    const inNode = await checkProgressFiles([{ name: 'a.csv', bytes }], ctx, noExcel);

    const sandbox: Record<string, unknown> = { TextDecoder, TextEncoder, Uint8Array, console };
    vm.createContext(sandbox);
    vm.runInContext(code, sandbox);
    expect(vm.runInContext('typeof require + typeof process + typeof Buffer', sandbox)).toBe('undefinedundefinedundefined');
    sandbox.input = { files: [{ name: 'a.csv', bytes }], ctx };
    const inBare = await vm.runInContext('progressDomain.checkProgressFiles(input.files, input.ctx, async () => { throw new Error("no") })', sandbox);
    expect(JSON.parse(JSON.stringify(inBare))).toEqual(JSON.parse(JSON.stringify(inNode)));
    expect(inNode.problems.map((p) => p.code)).toEqual(['value_not_number']);
    expect(inNode.rows).toHaveLength(2);
  });
});
