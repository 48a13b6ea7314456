/**
 * North American Numbering Plan (+1) area codes that are NOT United States numbers.
 *
 * Why: Meta does not deliver marketing templates to "WhatsApp users with United States phone numbers
 * (numbers composed of a +1 dialing code and a US area code)" from about 2025-04-01
 * (pricing-rules.md §2.7, [S16]/[S16b]). The pause is a delivery rule keyed on the area code, while
 * the pricing market follows markets.csv (+1 → North America, a few Caribbean area codes → Rest of
 * Latin America). So "is this a US number?" needs its own list: every +1 number whose area code is
 * not below is treated as US (US territories such as Guam or the US Virgin Islands included).
 *
 * Source: NANPA (North American Numbering Plan Administrator) area-code assignments, Canadian codes
 * as of 2025 including overlays announced by then. Puerto Rico (787, 939) is listed as non-US on
 * purpose: Meta prices it as Rest of Latin America (pricing-rules.md §1.8), and treating it as outside
 * the US marketing pause is an inference, not a Meta statement.
 */

/** Canadian geographic area codes plus 600 (Canadian non-geographic services). */
// prettier-ignore
export const CANADIAN_AREA_CODES: ReadonlySet<string> = new Set([
	'204', '226', '236', '249', '250', '257', '263', '289', '306', '343', '354', '365', '367', '368', '382', '387',
	'403', '416', '418', '428', '431', '437', '438', '450', '460', '468', '474', '506', '514', '519', '548', '579',
	'581', '584', '587', '600', '604', '613', '639', '647', '672', '683', '705', '709', '742', '753', '778', '780',
	'782', '807', '819', '825', '867', '873', '879', '902', '905', '942'
]);

/** Non-US NANP members in the Caribbean and Atlantic (and Puerto Rico, see above), area code → ISO 3166-1 alpha-2. */
export const NON_US_NANP_AREA_CODES: ReadonlyMap<string, string> = new Map([
	['242', 'BS'], // Bahamas
	['246', 'BB'], // Barbados
	['264', 'AI'], // Anguilla
	['268', 'AG'], // Antigua and Barbuda
	['284', 'VG'], // British Virgin Islands
	['345', 'KY'], // Cayman Islands
	['441', 'BM'], // Bermuda
	['473', 'GD'], // Grenada
	['649', 'TC'], // Turks and Caicos Islands
	['658', 'JM'], // Jamaica (overlay of 876)
	['664', 'MS'], // Montserrat
	['721', 'SX'], // Sint Maarten
	['758', 'LC'], // Saint Lucia
	['767', 'DM'], // Dominica
	['784', 'VC'], // Saint Vincent and the Grenadines
	['787', 'PR'], // Puerto Rico
	['809', 'DO'], // Dominican Republic
	['829', 'DO'], // Dominican Republic
	['849', 'DO'], // Dominican Republic
	['868', 'TT'], // Trinidad and Tobago
	['869', 'KN'], // Saint Kitts and Nevis
	['876', 'JM'], // Jamaica
	['939', 'PR'] // Puerto Rico
]);
