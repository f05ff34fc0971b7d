/**
 * Build-time access to the pipeline's outputs (public/data/), validated against the data
 * contract. Pages import small metadata from here and render it as HTML; big geometry is
 * fetched by the map from /data/ at run time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  AnnexFile,
  BackgroundFact,
  CoalMinesFile,
  CountiesFile,
  CountyPathsFile,
  DictionaryFile,
  ManifestFile,
  OUTPUT_FILES,
  PlacesFile,
  ProgressFile,
  ProjectsFile,
  Statement,
  Target,
} from '../domain/contract';

// ATLAS_DATA_DIR lets a test build the site from another pipeline output (e.g. a hostile input)
const DIR = path.resolve(process.env.ATLAS_DATA_DIR ?? 'public/data');
const cache = new Map<string, unknown>();

function load<T>(file: string, schema: z.ZodType<T>): T {
  if (!cache.has(file)) {
    const p = path.join(DIR, file);
    if (!fs.existsSync(p)) throw new Error(`${p} is missing: run \`npm run data\` first (npm run build does).`);
    const r = schema.safeParse(JSON.parse(fs.readFileSync(p, 'utf8')));
    if (!r.success) throw new Error(`${p} breaks the data contract: ${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`);
    cache.set(file, r.data);
  }
  return cache.get(file) as T;
}

export const loadAnnex = () => load(OUTPUT_FILES.annex, AnnexFile);
export const loadCounties = () => load(OUTPUT_FILES.counties, CountiesFile) as unknown as import('../domain/contract').CountiesFile;
export const loadTargets = () => load(OUTPUT_FILES.targets, Target.array());
export const loadStatements = () => load(OUTPUT_FILES.statements, Statement.array());
export const loadProjects = () => load(OUTPUT_FILES.projects, ProjectsFile) as unknown as import('../domain/contract').ProjectsFile;
export const loadProgress = () => load(OUTPUT_FILES.progress, ProgressFile);
export const loadBackground = () => load(OUTPUT_FILES.background, BackgroundFact.array());
export const loadCoalMines = () => load(OUTPUT_FILES.coalMines, CoalMinesFile);
export const loadDictionary = () => load(OUTPUT_FILES.dictionary, DictionaryFile);
export const loadManifest = () => load(OUTPUT_FILES.manifest, ManifestFile);
export const loadPlaces = () => load(OUTPUT_FILES.places, PlacesFile);
export const loadCountyPaths = () => load(OUTPUT_FILES.countyPaths, CountyPathsFile);

/** How far the illustrative boundaries fall short of the official area, in %, one decimal (from the manifest). */
export function areaShortfallPct(): string {
  const g = loadManifest().geometry;
  return ((1 - g.total_area_km2 / g.official_area_km2) * 100).toFixed(1);
}

/**
 * Size of a published data file, bytes: from the manifest's list of outputs, and for manifest.json
 * itself (which cannot list its own size) from the file as written.
 */
export function outputBytes(file: string): number | null {
  const listed = loadManifest().outputs.find((o) => o.file === file);
  if (listed) return listed.bytes;
  const p = path.join(DIR, file);
  return fs.existsSync(p) ? fs.statSync(p).size : null;
}
