// npm run schema: writes seeds/local/entry.schema.json from the entry schema (tests check it is current).
import { writeFileSync } from 'node:fs'
import { loadCatalog } from './catalog/load'
import { entryJsonSchema } from './local/jsonSchema'

const SCHEMA_FILE = 'seeds/local/entry.schema.json'
const { activities, problems } = loadCatalog('seeds/catalog.yaml', () => true)
if (problems.length) throw new Error('seeds/catalog.yaml has problems: run npm run data to see them')
writeFileSync(SCHEMA_FILE, `${JSON.stringify(entryJsonSchema(activities), null, 2)}\n`)
console.log(`wrote ${SCHEMA_FILE}`)
