/**
 * Every assigned ISO 3166-1 alpha-2 country code, its English name and its ITU-T calling code(s),
 * and the set of assigned E.164 country calling codes.
 *
 * Sources: ISO 3166-1 (the 249 officially assigned alpha-2 codes, ISO 3166 Maintenance Agency) and
 * ITU-T Recommendation E.164 with its Annex to the ITU Operational Bulletin, "List of ITU-T
 * Recommendation E.164 assigned country codes" (geographic areas, global services, networks and
 * groups of countries). Written by hand from those lists; names are the common English short names
 * (as CLDR spells them, e.g. "South Korea" for "Korea, Republic of"), not ISO's formal ones.
 *
 * Why: a market is refused unless it names a real country or a number whose calling code is in
 * service (issue 8: "XX", "UK" and "+999…" look valid but are not), and the market pickers list
 * every country, not only those Meta names in its market table (pricing-rules.md §1.8).
 *
 * NANP members (+1) list calling code "1" only; their area codes are in ./nanp.ts. Uninhabited
 * territories without a telephone service of their own (BV, HM) have no calling code.
 */

export interface Country {
	/** ISO 3166-1 alpha-2. */
	readonly iso2: string;
	readonly name: string;
	/** ITU-T E.164 country calling codes, digits only; the first is the main one. */
	readonly callingCodes: readonly string[];
}

// prettier-ignore
export const COUNTRIES: readonly Country[] = [
	{ iso2: 'AD', name: 'Andorra', callingCodes: ['376'] },
	{ iso2: 'AE', name: 'United Arab Emirates', callingCodes: ['971'] },
	{ iso2: 'AF', name: 'Afghanistan', callingCodes: ['93'] },
	{ iso2: 'AG', name: 'Antigua and Barbuda', callingCodes: ['1'] },
	{ iso2: 'AI', name: 'Anguilla', callingCodes: ['1'] },
	{ iso2: 'AL', name: 'Albania', callingCodes: ['355'] },
	{ iso2: 'AM', name: 'Armenia', callingCodes: ['374'] },
	{ iso2: 'AO', name: 'Angola', callingCodes: ['244'] },
	{ iso2: 'AQ', name: 'Antarctica', callingCodes: ['672'] },
	{ iso2: 'AR', name: 'Argentina', callingCodes: ['54'] },
	{ iso2: 'AS', name: 'American Samoa', callingCodes: ['1'] },
	{ iso2: 'AT', name: 'Austria', callingCodes: ['43'] },
	{ iso2: 'AU', name: 'Australia', callingCodes: ['61'] },
	{ iso2: 'AW', name: 'Aruba', callingCodes: ['297'] },
	{ iso2: 'AX', name: 'Åland Islands', callingCodes: ['358'] },
	{ iso2: 'AZ', name: 'Azerbaijan', callingCodes: ['994'] },
	{ iso2: 'BA', name: 'Bosnia and Herzegovina', callingCodes: ['387'] },
	{ iso2: 'BB', name: 'Barbados', callingCodes: ['1'] },
	{ iso2: 'BD', name: 'Bangladesh', callingCodes: ['880'] },
	{ iso2: 'BE', name: 'Belgium', callingCodes: ['32'] },
	{ iso2: 'BF', name: 'Burkina Faso', callingCodes: ['226'] },
	{ iso2: 'BG', name: 'Bulgaria', callingCodes: ['359'] },
	{ iso2: 'BH', name: 'Bahrain', callingCodes: ['973'] },
	{ iso2: 'BI', name: 'Burundi', callingCodes: ['257'] },
	{ iso2: 'BJ', name: 'Benin', callingCodes: ['229'] },
	{ iso2: 'BL', name: 'Saint Barthélemy', callingCodes: ['590'] },
	{ iso2: 'BM', name: 'Bermuda', callingCodes: ['1'] },
	{ iso2: 'BN', name: 'Brunei', callingCodes: ['673'] },
	{ iso2: 'BO', name: 'Bolivia', callingCodes: ['591'] },
	{ iso2: 'BQ', name: 'Caribbean Netherlands', callingCodes: ['599'] },
	{ iso2: 'BR', name: 'Brazil', callingCodes: ['55'] },
	{ iso2: 'BS', name: 'Bahamas', callingCodes: ['1'] },
	{ iso2: 'BT', name: 'Bhutan', callingCodes: ['975'] },
	{ iso2: 'BV', name: 'Bouvet Island', callingCodes: [] },
	{ iso2: 'BW', name: 'Botswana', callingCodes: ['267'] },
	{ iso2: 'BY', name: 'Belarus', callingCodes: ['375'] },
	{ iso2: 'BZ', name: 'Belize', callingCodes: ['501'] },
	{ iso2: 'CA', name: 'Canada', callingCodes: ['1'] },
	{ iso2: 'CC', name: 'Cocos (Keeling) Islands', callingCodes: ['61'] },
	{ iso2: 'CD', name: 'Congo (Kinshasa)', callingCodes: ['243'] },
	{ iso2: 'CF', name: 'Central African Republic', callingCodes: ['236'] },
	{ iso2: 'CG', name: 'Congo (Brazzaville)', callingCodes: ['242'] },
	{ iso2: 'CH', name: 'Switzerland', callingCodes: ['41'] },
	{ iso2: 'CI', name: "Côte d'Ivoire", callingCodes: ['225'] },
	{ iso2: 'CK', name: 'Cook Islands', callingCodes: ['682'] },
	{ iso2: 'CL', name: 'Chile', callingCodes: ['56'] },
	{ iso2: 'CM', name: 'Cameroon', callingCodes: ['237'] },
	{ iso2: 'CN', name: 'China', callingCodes: ['86'] },
	{ iso2: 'CO', name: 'Colombia', callingCodes: ['57'] },
	{ iso2: 'CR', name: 'Costa Rica', callingCodes: ['506'] },
	{ iso2: 'CU', name: 'Cuba', callingCodes: ['53'] },
	{ iso2: 'CV', name: 'Cabo Verde', callingCodes: ['238'] },
	{ iso2: 'CW', name: 'Curaçao', callingCodes: ['599'] },
	{ iso2: 'CX', name: 'Christmas Island', callingCodes: ['61'] },
	{ iso2: 'CY', name: 'Cyprus', callingCodes: ['357'] },
	{ iso2: 'CZ', name: 'Czechia', callingCodes: ['420'] },
	{ iso2: 'DE', name: 'Germany', callingCodes: ['49'] },
	{ iso2: 'DJ', name: 'Djibouti', callingCodes: ['253'] },
	{ iso2: 'DK', name: 'Denmark', callingCodes: ['45'] },
	{ iso2: 'DM', name: 'Dominica', callingCodes: ['1'] },
	{ iso2: 'DO', name: 'Dominican Republic', callingCodes: ['1'] },
	{ iso2: 'DZ', name: 'Algeria', callingCodes: ['213'] },
	{ iso2: 'EC', name: 'Ecuador', callingCodes: ['593'] },
	{ iso2: 'EE', name: 'Estonia', callingCodes: ['372'] },
	{ iso2: 'EG', name: 'Egypt', callingCodes: ['20'] },
	{ iso2: 'EH', name: 'Western Sahara', callingCodes: ['212'] },
	{ iso2: 'ER', name: 'Eritrea', callingCodes: ['291'] },
	{ iso2: 'ES', name: 'Spain', callingCodes: ['34'] },
	{ iso2: 'ET', name: 'Ethiopia', callingCodes: ['251'] },
	{ iso2: 'FI', name: 'Finland', callingCodes: ['358'] },
	{ iso2: 'FJ', name: 'Fiji', callingCodes: ['679'] },
	{ iso2: 'FK', name: 'Falkland Islands', callingCodes: ['500'] },
	{ iso2: 'FM', name: 'Micronesia', callingCodes: ['691'] },
	{ iso2: 'FO', name: 'Faroe Islands', callingCodes: ['298'] },
	{ iso2: 'FR', name: 'France', callingCodes: ['33'] },
	{ iso2: 'GA', name: 'Gabon', callingCodes: ['241'] },
	{ iso2: 'GB', name: 'United Kingdom', callingCodes: ['44'] },
	{ iso2: 'GD', name: 'Grenada', callingCodes: ['1'] },
	{ iso2: 'GE', name: 'Georgia', callingCodes: ['995'] },
	{ iso2: 'GF', name: 'French Guiana', callingCodes: ['594'] },
	{ iso2: 'GG', name: 'Guernsey', callingCodes: ['44'] },
	{ iso2: 'GH', name: 'Ghana', callingCodes: ['233'] },
	{ iso2: 'GI', name: 'Gibraltar', callingCodes: ['350'] },
	{ iso2: 'GL', name: 'Greenland', callingCodes: ['299'] },
	{ iso2: 'GM', name: 'Gambia', callingCodes: ['220'] },
	{ iso2: 'GN', name: 'Guinea', callingCodes: ['224'] },
	{ iso2: 'GP', name: 'Guadeloupe', callingCodes: ['590'] },
	{ iso2: 'GQ', name: 'Equatorial Guinea', callingCodes: ['240'] },
	{ iso2: 'GR', name: 'Greece', callingCodes: ['30'] },
	{ iso2: 'GS', name: 'South Georgia and the South Sandwich Islands', callingCodes: ['500'] },
	{ iso2: 'GT', name: 'Guatemala', callingCodes: ['502'] },
	{ iso2: 'GU', name: 'Guam', callingCodes: ['1'] },
	{ iso2: 'GW', name: 'Guinea-Bissau', callingCodes: ['245'] },
	{ iso2: 'GY', name: 'Guyana', callingCodes: ['592'] },
	{ iso2: 'HK', name: 'Hong Kong', callingCodes: ['852'] },
	{ iso2: 'HM', name: 'Heard Island and McDonald Islands', callingCodes: [] },
	{ iso2: 'HN', name: 'Honduras', callingCodes: ['504'] },
	{ iso2: 'HR', name: 'Croatia', callingCodes: ['385'] },
	{ iso2: 'HT', name: 'Haiti', callingCodes: ['509'] },
	{ iso2: 'HU', name: 'Hungary', callingCodes: ['36'] },
	{ iso2: 'ID', name: 'Indonesia', callingCodes: ['62'] },
	{ iso2: 'IE', name: 'Ireland', callingCodes: ['353'] },
	{ iso2: 'IL', name: 'Israel', callingCodes: ['972'] },
	{ iso2: 'IM', name: 'Isle of Man', callingCodes: ['44'] },
	{ iso2: 'IN', name: 'India', callingCodes: ['91'] },
	{ iso2: 'IO', name: 'British Indian Ocean Territory', callingCodes: ['246'] },
	{ iso2: 'IQ', name: 'Iraq', callingCodes: ['964'] },
	{ iso2: 'IR', name: 'Iran', callingCodes: ['98'] },
	{ iso2: 'IS', name: 'Iceland', callingCodes: ['354'] },
	{ iso2: 'IT', name: 'Italy', callingCodes: ['39'] },
	{ iso2: 'JE', name: 'Jersey', callingCodes: ['44'] },
	{ iso2: 'JM', name: 'Jamaica', callingCodes: ['1'] },
	{ iso2: 'JO', name: 'Jordan', callingCodes: ['962'] },
	{ iso2: 'JP', name: 'Japan', callingCodes: ['81'] },
	{ iso2: 'KE', name: 'Kenya', callingCodes: ['254'] },
	{ iso2: 'KG', name: 'Kyrgyzstan', callingCodes: ['996'] },
	{ iso2: 'KH', name: 'Cambodia', callingCodes: ['855'] },
	{ iso2: 'KI', name: 'Kiribati', callingCodes: ['686'] },
	{ iso2: 'KM', name: 'Comoros', callingCodes: ['269'] },
	{ iso2: 'KN', name: 'Saint Kitts and Nevis', callingCodes: ['1'] },
	{ iso2: 'KP', name: 'North Korea', callingCodes: ['850'] },
	{ iso2: 'KR', name: 'South Korea', callingCodes: ['82'] },
	{ iso2: 'KW', name: 'Kuwait', callingCodes: ['965'] },
	{ iso2: 'KY', name: 'Cayman Islands', callingCodes: ['1'] },
	{ iso2: 'KZ', name: 'Kazakhstan', callingCodes: ['7'] },
	{ iso2: 'LA', name: 'Laos', callingCodes: ['856'] },
	{ iso2: 'LB', name: 'Lebanon', callingCodes: ['961'] },
	{ iso2: 'LC', name: 'Saint Lucia', callingCodes: ['1'] },
	{ iso2: 'LI', name: 'Liechtenstein', callingCodes: ['423'] },
	{ iso2: 'LK', name: 'Sri Lanka', callingCodes: ['94'] },
	{ iso2: 'LR', name: 'Liberia', callingCodes: ['231'] },
	{ iso2: 'LS', name: 'Lesotho', callingCodes: ['266'] },
	{ iso2: 'LT', name: 'Lithuania', callingCodes: ['370'] },
	{ iso2: 'LU', name: 'Luxembourg', callingCodes: ['352'] },
	{ iso2: 'LV', name: 'Latvia', callingCodes: ['371'] },
	{ iso2: 'LY', name: 'Libya', callingCodes: ['218'] },
	{ iso2: 'MA', name: 'Morocco', callingCodes: ['212'] },
	{ iso2: 'MC', name: 'Monaco', callingCodes: ['377'] },
	{ iso2: 'MD', name: 'Moldova', callingCodes: ['373'] },
	{ iso2: 'ME', name: 'Montenegro', callingCodes: ['382'] },
	{ iso2: 'MF', name: 'Saint Martin (French part)', callingCodes: ['590'] },
	{ iso2: 'MG', name: 'Madagascar', callingCodes: ['261'] },
	{ iso2: 'MH', name: 'Marshall Islands', callingCodes: ['692'] },
	{ iso2: 'MK', name: 'North Macedonia', callingCodes: ['389'] },
	{ iso2: 'ML', name: 'Mali', callingCodes: ['223'] },
	{ iso2: 'MM', name: 'Myanmar', callingCodes: ['95'] },
	{ iso2: 'MN', name: 'Mongolia', callingCodes: ['976'] },
	{ iso2: 'MO', name: 'Macao', callingCodes: ['853'] },
	{ iso2: 'MP', name: 'Northern Mariana Islands', callingCodes: ['1'] },
	{ iso2: 'MQ', name: 'Martinique', callingCodes: ['596'] },
	{ iso2: 'MR', name: 'Mauritania', callingCodes: ['222'] },
	{ iso2: 'MS', name: 'Montserrat', callingCodes: ['1'] },
	{ iso2: 'MT', name: 'Malta', callingCodes: ['356'] },
	{ iso2: 'MU', name: 'Mauritius', callingCodes: ['230'] },
	{ iso2: 'MV', name: 'Maldives', callingCodes: ['960'] },
	{ iso2: 'MW', name: 'Malawi', callingCodes: ['265'] },
	{ iso2: 'MX', name: 'Mexico', callingCodes: ['52'] },
	{ iso2: 'MY', name: 'Malaysia', callingCodes: ['60'] },
	{ iso2: 'MZ', name: 'Mozambique', callingCodes: ['258'] },
	{ iso2: 'NA', name: 'Namibia', callingCodes: ['264'] },
	{ iso2: 'NC', name: 'New Caledonia', callingCodes: ['687'] },
	{ iso2: 'NE', name: 'Niger', callingCodes: ['227'] },
	{ iso2: 'NF', name: 'Norfolk Island', callingCodes: ['672'] },
	{ iso2: 'NG', name: 'Nigeria', callingCodes: ['234'] },
	{ iso2: 'NI', name: 'Nicaragua', callingCodes: ['505'] },
	{ iso2: 'NL', name: 'Netherlands', callingCodes: ['31'] },
	{ iso2: 'NO', name: 'Norway', callingCodes: ['47'] },
	{ iso2: 'NP', name: 'Nepal', callingCodes: ['977'] },
	{ iso2: 'NR', name: 'Nauru', callingCodes: ['674'] },
	{ iso2: 'NU', name: 'Niue', callingCodes: ['683'] },
	{ iso2: 'NZ', name: 'New Zealand', callingCodes: ['64'] },
	{ iso2: 'OM', name: 'Oman', callingCodes: ['968'] },
	{ iso2: 'PA', name: 'Panama', callingCodes: ['507'] },
	{ iso2: 'PE', name: 'Peru', callingCodes: ['51'] },
	{ iso2: 'PF', name: 'French Polynesia', callingCodes: ['689'] },
	{ iso2: 'PG', name: 'Papua New Guinea', callingCodes: ['675'] },
	{ iso2: 'PH', name: 'Philippines', callingCodes: ['63'] },
	{ iso2: 'PK', name: 'Pakistan', callingCodes: ['92'] },
	{ iso2: 'PL', name: 'Poland', callingCodes: ['48'] },
	{ iso2: 'PM', name: 'Saint Pierre and Miquelon', callingCodes: ['508'] },
	{ iso2: 'PN', name: 'Pitcairn Islands', callingCodes: ['64'] },
	{ iso2: 'PR', name: 'Puerto Rico', callingCodes: ['1'] },
	{ iso2: 'PS', name: 'Palestine', callingCodes: ['970'] },
	{ iso2: 'PT', name: 'Portugal', callingCodes: ['351'] },
	{ iso2: 'PW', name: 'Palau', callingCodes: ['680'] },
	{ iso2: 'PY', name: 'Paraguay', callingCodes: ['595'] },
	{ iso2: 'QA', name: 'Qatar', callingCodes: ['974'] },
	{ iso2: 'RE', name: 'Réunion', callingCodes: ['262'] },
	{ iso2: 'RO', name: 'Romania', callingCodes: ['40'] },
	{ iso2: 'RS', name: 'Serbia', callingCodes: ['381'] },
	{ iso2: 'RU', name: 'Russia', callingCodes: ['7'] },
	{ iso2: 'RW', name: 'Rwanda', callingCodes: ['250'] },
	{ iso2: 'SA', name: 'Saudi Arabia', callingCodes: ['966'] },
	{ iso2: 'SB', name: 'Solomon Islands', callingCodes: ['677'] },
	{ iso2: 'SC', name: 'Seychelles', callingCodes: ['248'] },
	{ iso2: 'SD', name: 'Sudan', callingCodes: ['249'] },
	{ iso2: 'SE', name: 'Sweden', callingCodes: ['46'] },
	{ iso2: 'SG', name: 'Singapore', callingCodes: ['65'] },
	{ iso2: 'SH', name: 'Saint Helena, Ascension and Tristan da Cunha', callingCodes: ['290', '247'] },
	{ iso2: 'SI', name: 'Slovenia', callingCodes: ['386'] },
	{ iso2: 'SJ', name: 'Svalbard and Jan Mayen', callingCodes: ['47'] },
	{ iso2: 'SK', name: 'Slovakia', callingCodes: ['421'] },
	{ iso2: 'SL', name: 'Sierra Leone', callingCodes: ['232'] },
	{ iso2: 'SM', name: 'San Marino', callingCodes: ['378'] },
	{ iso2: 'SN', name: 'Senegal', callingCodes: ['221'] },
	{ iso2: 'SO', name: 'Somalia', callingCodes: ['252'] },
	{ iso2: 'SR', name: 'Suriname', callingCodes: ['597'] },
	{ iso2: 'SS', name: 'South Sudan', callingCodes: ['211'] },
	{ iso2: 'ST', name: 'São Tomé and Príncipe', callingCodes: ['239'] },
	{ iso2: 'SV', name: 'El Salvador', callingCodes: ['503'] },
	{ iso2: 'SX', name: 'Sint Maarten', callingCodes: ['1'] },
	{ iso2: 'SY', name: 'Syria', callingCodes: ['963'] },
	{ iso2: 'SZ', name: 'Eswatini', callingCodes: ['268'] },
	{ iso2: 'TC', name: 'Turks and Caicos Islands', callingCodes: ['1'] },
	{ iso2: 'TD', name: 'Chad', callingCodes: ['235'] },
	{ iso2: 'TF', name: 'French Southern Territories', callingCodes: ['262'] },
	{ iso2: 'TG', name: 'Togo', callingCodes: ['228'] },
	{ iso2: 'TH', name: 'Thailand', callingCodes: ['66'] },
	{ iso2: 'TJ', name: 'Tajikistan', callingCodes: ['992'] },
	{ iso2: 'TK', name: 'Tokelau', callingCodes: ['690'] },
	{ iso2: 'TL', name: 'Timor-Leste', callingCodes: ['670'] },
	{ iso2: 'TM', name: 'Turkmenistan', callingCodes: ['993'] },
	{ iso2: 'TN', name: 'Tunisia', callingCodes: ['216'] },
	{ iso2: 'TO', name: 'Tonga', callingCodes: ['676'] },
	{ iso2: 'TR', name: 'Turkey', callingCodes: ['90'] },
	{ iso2: 'TT', name: 'Trinidad and Tobago', callingCodes: ['1'] },
	{ iso2: 'TV', name: 'Tuvalu', callingCodes: ['688'] },
	{ iso2: 'TW', name: 'Taiwan', callingCodes: ['886'] },
	{ iso2: 'TZ', name: 'Tanzania', callingCodes: ['255'] },
	{ iso2: 'UA', name: 'Ukraine', callingCodes: ['380'] },
	{ iso2: 'UG', name: 'Uganda', callingCodes: ['256'] },
	{ iso2: 'UM', name: 'U.S. Minor Outlying Islands', callingCodes: ['1'] },
	{ iso2: 'US', name: 'United States', callingCodes: ['1'] },
	{ iso2: 'UY', name: 'Uruguay', callingCodes: ['598'] },
	{ iso2: 'UZ', name: 'Uzbekistan', callingCodes: ['998'] },
	{ iso2: 'VA', name: 'Vatican City', callingCodes: ['39'] },
	{ iso2: 'VC', name: 'Saint Vincent and the Grenadines', callingCodes: ['1'] },
	{ iso2: 'VE', name: 'Venezuela', callingCodes: ['58'] },
	{ iso2: 'VG', name: 'British Virgin Islands', callingCodes: ['1'] },
	{ iso2: 'VI', name: 'U.S. Virgin Islands', callingCodes: ['1'] },
	{ iso2: 'VN', name: 'Vietnam', callingCodes: ['84'] },
	{ iso2: 'VU', name: 'Vanuatu', callingCodes: ['678'] },
	{ iso2: 'WF', name: 'Wallis and Futuna', callingCodes: ['681'] },
	{ iso2: 'WS', name: 'Samoa', callingCodes: ['685'] },
	{ iso2: 'YE', name: 'Yemen', callingCodes: ['967'] },
	{ iso2: 'YT', name: 'Mayotte', callingCodes: ['262'] },
	{ iso2: 'ZA', name: 'South Africa', callingCodes: ['27'] },
	{ iso2: 'ZM', name: 'Zambia', callingCodes: ['260'] },
	{ iso2: 'ZW', name: 'Zimbabwe', callingCodes: ['263'] }
];

/**
 * Assigned calling codes that belong to no single country: Kosovo (+383, assigned by ITU in 2016;
 * "XK" is only a user-assigned code, not ISO 3166-1) and the global services and networks of E.164:
 * 800 International Freephone, 808 International Shared Cost Service, 870 Inmarsat "SNAC", 878
 * Universal Personal Telecommunication, 881 Global Mobile Satellite System, 882 and 883
 * International Networks, 888 OCHA telecommunications for disaster relief, 979 International
 * Premium Rate Service, 991 trial of an international public correspondence service.
 * Spare or reserved codes (+999, +28x, +210, +259, +671 and +684 since those moved into +1, +801–807,
 * +969, +978, +990, +997 …) are not assigned.
 */
export const NON_COUNTRY_CALLING_CODES: ReadonlyMap<string, string> = new Map([
	['383', 'Kosovo'],
	['800', 'International Freephone'],
	['808', 'International Shared Cost Service'],
	['870', 'Inmarsat'],
	['878', 'Universal Personal Telecommunication'],
	['881', 'Global Mobile Satellite System'],
	['882', 'International Networks'],
	['883', 'International Networks'],
	['888', 'Telecommunications for Disaster Relief (OCHA)'],
	['979', 'International Premium Rate Service'],
	['991', 'International public correspondence service trial']
]);

/** Every assigned E.164 country calling code (1 to 3 digits; no code is a prefix of another). */
export const ASSIGNED_CALLING_CODES: ReadonlySet<string> = new Set([
	...COUNTRIES.flatMap((c) => c.callingCodes),
	...NON_COUNTRY_CALLING_CODES.keys()
]);

/**
 * Codes once or exceptionally reserved by ISO 3166/MA that people still type for a country: the
 * field suggests the assigned code instead ("UK" → "did you mean GB?").
 */
export const RESERVED_ISO2_HINTS: ReadonlyMap<string, string> = new Map([
	['UK', 'GB'], // United Kingdom (exceptionally reserved)
	['EL', 'GR'], // Greece, as the EU writes it
	['AC', 'SH'], // Ascension Island
	['TA', 'SH'], // Tristan da Cunha
	['DG', 'IO'], // Diego Garcia
	['EA', 'ES'], // Ceuta and Melilla
	['IC', 'ES'], // Canary Islands
	['FX', 'FR'], // Metropolitan France
	['CP', 'FR'], // Clipperton Island
	['SU', 'RU'], // USSR (transitionally reserved)
	['YU', 'RS'], // Yugoslavia
	['CS', 'RS'], // Serbia and Montenegro
	['TP', 'TL'], // East Timor
	['ZR', 'CD'], // Zaire
	['BU', 'MM'], // Burma
	['AN', 'CW'] // Netherlands Antilles (also BQ and SX)
]);

const byIso2 = new Map(COUNTRIES.map((c) => [c.iso2, c]));

/** The country of an assigned ISO 3166-1 alpha-2 code (upper case), or undefined. */
export const countryByIso2 = (iso2: string): Country | undefined => byIso2.get(iso2);
