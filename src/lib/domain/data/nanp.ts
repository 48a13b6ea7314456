/**
 * North American Numbering Plan (+1) area codes that are NOT United States numbers.
 *
 * Why: +1 is shared by about 25 countries and territories, and the area code (digits 2–4) tells
 * them apart. Meta prices the US and Canada as North America, the Dominican Republic, Jamaica and
 * Puerto Rico as Rest of Latin America (markets.csv), and maps every country it does not list to
 * Other (pricing-rules.md §1.8), so every other NANP member (Bahamas, Barbados, Bermuda, Guam, …) is
 * priced as Other. Separately, Meta does not deliver marketing templates to "WhatsApp users with
 * United States phone numbers (numbers composed of a +1 dialing code and a US area code)" from
 * about 2025-04-01 (pricing-rules.md §2.7, [S16]/[S16b]); that rule is keyed on the area code too.
 *
 * Decision (UNCONFIRMED, an inference): "US area code" is read as an area code of the 50 states and
 * DC. The US territories (Puerto Rico, US Virgin Islands, Guam, Northern Mariana Islands, American
 * Samoa) have area codes of their own, are separate ISO 3166-1 countries, are not in Meta's North
 * America market (Puerto Rico is even listed under Rest of Latin America), so they are listed below
 * as non-US: priced by their own market and outside the US marketing pause. Every +1 number whose
 * area code is neither Canadian nor below is treated as a US number (toll-free 8xx codes included).
 *
 * Source: NANPA (North American Numbering Plan Administrator) area-code assignments: Canadian codes
 * as of 2025 including overlays announced by then; the Caribbean, Atlantic and Pacific members as
 * NANPA lists them ("NANP countries and territories").
 */

/** Canadian geographic area codes plus 600 (Canadian non-geographic services). */
// prettier-ignore
export const CANADIAN_AREA_CODES: ReadonlySet<string> = new Set([
	'204', '226', '236', '249', '250', '257', '263', '289', '306', '343', '354', '365', '367', '368', '382', '387',
	'403', '416', '418', '428', '431', '437', '438', '450', '460', '468', '474', '506', '514', '519', '548', '579',
	'581', '584', '587', '600', '604', '613', '639', '647', '672', '683', '705', '709', '742', '753', '778', '780',
	'782', '807', '819', '825', '867', '873', '879', '902', '905', '942'
]);

/** Every NANP member other than the US and Canada, area code → ISO 3166-1 alpha-2 (US territories included, see above). */
export const NON_US_NANP_AREA_CODES: ReadonlyMap<string, string> = new Map([
	['242', 'BS'], // Bahamas
	['246', 'BB'], // Barbados
	['264', 'AI'], // Anguilla
	['268', 'AG'], // Antigua and Barbuda
	['284', 'VG'], // British Virgin Islands
	['340', 'VI'], // US Virgin Islands (US territory)
	['345', 'KY'], // Cayman Islands
	['441', 'BM'], // Bermuda
	['473', 'GD'], // Grenada
	['649', 'TC'], // Turks and Caicos Islands
	['658', 'JM'], // Jamaica (overlay of 876)
	['664', 'MS'], // Montserrat
	['670', 'MP'], // Northern Mariana Islands (US territory)
	['671', 'GU'], // Guam (US territory)
	['684', 'AS'], // American Samoa (US territory)
	['721', 'SX'], // Sint Maarten
	['758', 'LC'], // Saint Lucia
	['767', 'DM'], // Dominica
	['784', 'VC'], // Saint Vincent and the Grenadines
	['787', 'PR'], // Puerto Rico (US territory)
	['809', 'DO'], // Dominican Republic
	['829', 'DO'], // Dominican Republic
	['849', 'DO'], // Dominican Republic
	['868', 'TT'], // Trinidad and Tobago
	['869', 'KN'], // Saint Kitts and Nevis
	['876', 'JM'], // Jamaica
	['939', 'PR'] // Puerto Rico (US territory)
]);
