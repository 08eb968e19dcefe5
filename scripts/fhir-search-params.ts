/** Prints the search parameter tables of docs/fhir-search.md, generated from the FHIR search registry. */
import { renderSearchParameters } from '../fhir/search/registry.js';

process.stdout.write(`${renderSearchParameters()}\n`);
