import * as turf from '@turf/turf';
import { AnnexFile, CountiesFile, DictionaryFile, IndicatorDef, ProgressFile, ProjectsFile, Statement, Target, OUTPUT_FILES } from '../src/domain/contract';
import { INDICATORS } from '../src/domain/indicators';
import { COUNTY_CODES } from '../src/domain/divisions';
import { PipelineError } from './errors';
import { z } from 'zod';

function check<T>(schema: z.ZodType<T>, value: unknown, file: string): void {
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new PipelineError(file, `output breaks the data contract: ${i.message}`, { field: i.path.join('.') });
  }
}

/**
 * Last gate before anything is written: every output matches the contract, every county
 * is present once with a valid polygon in WGS84 range. A failure here is a pipeline bug,
 * reported against the output file; nothing is written.
 */
export function validateOutputs(o: {
  counties: CountiesFile;
  cityCounties: CountiesFile;
  annex: AnnexFile;
  targets: Target[];
  statements: Statement[];
  projects: ProjectsFile;
  progress: ProgressFile;
  dictionary: DictionaryFile;
}): void {
  for (const [fc, name] of [[o.counties, OUTPUT_FILES.counties], [o.cityCounties, 'counties.topojson']] as const) {
    check(CountiesFile, fc, name);
    const codes = fc.features.map((f) => f.properties.adcode).sort();
    if (codes.join() !== [...COUNTY_CODES].sort().join()) throw new PipelineError(name, `counties are ${codes.join(',')}`, { field: 'adcode' });
    for (const f of fc.features) {
      if (!turf.booleanValid(f)) throw new PipelineError(name, `invalid polygon for ${f.properties.adcode}`, { field: 'geometry' });
    }
  }
  check(AnnexFile, o.annex, OUTPUT_FILES.annex);
  check(z.array(Target), o.targets, OUTPUT_FILES.targets);
  check(z.array(Statement), o.statements, OUTPUT_FILES.statements);
  check(ProjectsFile, o.projects, OUTPUT_FILES.projects);
  check(ProgressFile, o.progress, OUTPUT_FILES.progress);
  check(DictionaryFile, o.dictionary, OUTPUT_FILES.dictionary);
}

/**
 * The indicator registry itself (src/domain/indicators.ts) against its schema: ids and annex
 * headers unique, every field present. A failure is a mistake in the registry, named by entry.
 */
export function validateRegistry(): void {
  const file = 'src/domain/indicators.ts';
  INDICATORS.forEach((ind, i) => check(IndicatorDef, ind, `${file} [${ind.id ?? i}]`));
  for (const key of ['id', 'column'] as const) {
    const seen = new Set<string>();
    for (const ind of INDICATORS) {
      if (seen.has(ind[key])) throw new PipelineError(file, `two indicators share the ${key} "${ind[key]}"`, { field: key });
      seen.add(ind[key]);
    }
  }
}
