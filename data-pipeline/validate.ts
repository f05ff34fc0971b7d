import * as turf from '@turf/turf';
import { AnnexFile, CountiesFile, DictionaryFile, ProgressFile, ProjectsFile, Target, OUTPUT_FILES } from '../src/contract';
import { COUNTY_CODES } from '../src/config/divisions';
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
  check(ProjectsFile, o.projects, OUTPUT_FILES.projects);
  check(ProgressFile, o.progress, OUTPUT_FILES.progress);
  check(DictionaryFile, o.dictionary, OUTPUT_FILES.dictionary);
}
