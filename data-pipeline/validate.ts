import * as turf from '@turf/turf';
import { AnnexFile, BackgroundFact, CoalMinesFile, CountiesFile, CountyPathsFile, DictionaryFile, IndicatorDef, ManifestFile, PlacesFile, ProgressFile, ProgressReport, ProjectsFile, Statement, Target, OUTPUT_FILES } from '../src/domain/contract';
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
  background: BackgroundFact[];
  projects: ProjectsFile;
  coalMines: CoalMinesFile;
  progress: ProgressFile;
  progressReport: ProgressReport;
  dictionary: DictionaryFile;
  places: PlacesFile;
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
  check(z.array(BackgroundFact), o.background, OUTPUT_FILES.background);
  check(ProjectsFile, o.projects, OUTPUT_FILES.projects);
  check(CoalMinesFile, o.coalMines, OUTPUT_FILES.coalMines);
  check(ProgressFile, o.progress, OUTPUT_FILES.progress);
  check(ProgressReport, o.progressReport, OUTPUT_FILES.progressReport);
  check(DictionaryFile, o.dictionary, OUTPUT_FILES.dictionary);
  check(PlacesFile, o.places, OUTPUT_FILES.places);
  // every path leads to a listed town and one of the 12 counties, and codes nest (village 12 -> town 9 -> county 6)
  const towns = new Set(o.places.towns.map(([code]) => code));
  const counties = new Set(o.places.counties.map(([code]) => code));
  if ([...counties].sort().join() !== [...COUNTY_CODES].sort().join()) throw new PipelineError(OUTPUT_FILES.places, 'the index must hold the 12 counties', { field: 'counties' });
  for (const [code, , , [county]] of o.places.towns) {
    if (!counties.has(county) || !code.startsWith(county)) throw new PipelineError(OUTPUT_FILES.places, `town ${code} has path ${county}`, { field: 'towns' });
  }
  for (const [code, , , [town, county]] of o.places.villages) {
    if (!towns.has(town) || !code.startsWith(town) || !town.startsWith(county)) throw new PipelineError(OUTPUT_FILES.places, `village ${code} has path ${town} ${county}`, { field: 'villages' });
  }
}

/** Each JSON output's schema, for the check of the written text. */
const JSON_SCHEMAS: [string, z.ZodTypeAny][] = [
  [OUTPUT_FILES.annex, AnnexFile],
  [OUTPUT_FILES.targets, z.array(Target)],
  [OUTPUT_FILES.statements, z.array(Statement)],
  [OUTPUT_FILES.projects, ProjectsFile],
  [OUTPUT_FILES.background, z.array(BackgroundFact)],
  [OUTPUT_FILES.coalMines, CoalMinesFile],
  [OUTPUT_FILES.progress, ProgressFile],
  [OUTPUT_FILES.progressReport, ProgressReport],
  [OUTPUT_FILES.dictionary, DictionaryFile],
  [OUTPUT_FILES.manifest, ManifestFile],
  [OUTPUT_FILES.places, PlacesFile],
  [OUTPUT_FILES.countyPaths, CountyPathsFile],
];

/**
 * The JSON outputs as they will be written, parsed back and checked again: what the site reads is
 * the text, not the object (an Infinity or a 321-digit number becomes null in JSON and would pass
 * an object check). A failure names the output file; nothing is written.
 */
export function checkJsonOutputs(out: Map<string, string | Uint8Array>): void {
  for (const [file, schema] of JSON_SCHEMAS) {
    const text = out.get(file);
    if (typeof text !== 'string') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new PipelineError(file, `output is not valid JSON: ${(e as Error).message}`);
    }
    check(schema, parsed, file);
  }
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
