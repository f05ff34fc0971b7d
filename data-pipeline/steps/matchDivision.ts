import { divisionByName, nearestDivision } from '../../src/domain/divisions';

/** Name matching lives in the shared module, so the browser's update page matches names the same way. */
export { divisionByName };

/** The nearest known official name, for an error message. */
export function nearestDivisionName(name: string): string {
  const best = nearestDivision(name);
  return `${best.name_zh} (${best.adcode})`;
}
