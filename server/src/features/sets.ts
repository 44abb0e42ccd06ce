// kamervraag/sets: the question sets of the workspace index, newest first,
// filtered by state or ministry, as they stand today.

import type { LanguageService } from '../service/languageService';
import type { SetSummary, SetsParams } from '../workspace/sets';

export function provideSets(service: LanguageService, params: SetsParams | null | undefined): SetSummary[] {
  service.today(); // the index follows the date
  return service.index.sets(params && typeof params === 'object' ? params : {});
}
