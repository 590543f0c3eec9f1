/**
 * scenarios/import — reading transaction logs without I/O: CSV records,
 * column mapping, dates, cleaning with a report, orders per day, the
 * catalogue and the profile of an imported log.
 */
export { CsvError, csvSplitter, detach, detectDelimiter, type CsvRecord, type CsvSplitter } from './csv.js';
export { defaultColumnNames, lineFields, normaliseName, parseMapFlags, resolveColumns, type ColumnMap, type LineField } from './columns.js';
export { dateFormats, dateReader, isoDate, parseDateAs, parseTimeOfDay, splitTimestamp, type DateFormat, type DateReader, type Place } from './dates.js';
export { defaultCancelPattern, defaultNonProductPatterns, parseNumber, recordCleaner, type CleanLine, type CleanOptions, type DropReason, type Outcome, type ReturnReason } from './clean.js';
export { countOutcome, emptyReport, formatReport, maxExamples, note, type CleaningReport, type Example } from './report.js';
export { catalogueBuilder, compareCodes, maxPricesPerSku, type ImportedSku } from './catalogue.js';
export { dayFileHeader, formatDayFile, groupDay, parseDayFile, type DayLine, type DayOrders, type ImportedLine, type ImportedOrder } from './orders.js';
export { formatProfile, maxGapRanges, profileBuilder, type DaySummary, type Profile } from './profile.js';
export {
  createImporter, dayFileName, importTexts, parseSpoolLine, spoolLine,
  type ImportedReturn, type ImportOptions, type ImportResult, type Manifest,
} from './importer.js';
export { exportHeader, worldOrdersCsv } from './export.js';
