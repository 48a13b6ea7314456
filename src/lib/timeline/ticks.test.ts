import { describe, expect, it } from 'vitest';
import { HOUR } from '$lib/domain/units';
import { pickInterval, zonedTicks } from './ticks';

const at = (iso: string) => Date.parse(iso);

describe('pickInterval', () => {
	it('gives at least 84 px between ticks, choosing the finest such interval', () => {
		expect(pickInterval(12 * HOUR, 1100).name).toBe('1 h');
		expect(pickInterval(12 * HOUR, 1000).name).toBe('3 h');
		expect(pickInterval(30 * 60_000, 1000).name).toBe('5 min');
		expect(pickInterval(7 * 24 * HOUR, 1000).name).toBe('1 d');
		expect(pickInterval(30 * 24 * HOUR, 1160).name).toBe('1 w');
		expect(pickInterval(400 * 24 * HOUR, 1160).name).toBe('1 mo');
	});
});

describe('zonedTicks, Asia/Jakarta (UTC+7, no DST)', () => {
	it('puts hourly ticks on local hours, the local midnight labelled with its date', () => {
		const { interval, ticks } = zonedTicks(
			[at('2023-09-12T00:00+07:00'), at('2023-09-12T12:00+07:00')],
			1100,
			'Asia/Jakarta'
		);
		expect(interval.name).toBe('1 h');
		expect(ticks).toHaveLength(13);
		expect(ticks[0]).toEqual({ t: at('2023-09-11T17:00Z'), label: 'Tue 12 Sep', major: true });
		expect(ticks[1]).toEqual({ t: at('2023-09-12T01:00+07:00'), label: '01:00', major: false });
		expect(ticks.at(-1)?.label).toBe('12:00');
	});
	it('puts day ticks on local midnights, not the machine’s', () => {
		const { interval, ticks } = zonedTicks(
			[at('2023-09-10T12:00+07:00'), at('2023-09-17T12:00+07:00')],
			1000,
			'Asia/Jakarta'
		);
		expect(interval.name).toBe('1 d');
		expect(ticks.map((t) => t.label)).toEqual([
			'Mon 11 Sep',
			'Tue 12 Sep',
			'Wed 13 Sep',
			'Thu 14 Sep',
			'Fri 15 Sep',
			'Sat 16 Sep',
			'Sun 17 Sep'
		]);
		expect(ticks[0]?.t).toBe(at('2023-09-11T00:00+07:00'));
	});
	it('starts 15-minute ticks at the first quarter hour inside the view', () => {
		const { ticks } = zonedTicks(
			[at('2023-09-12T12:07+07:00'), at('2023-09-12T14:00+07:00')],
			1000,
			'Asia/Jakarta'
		);
		expect(ticks.slice(0, 3).map((t) => t.label)).toEqual(['12:15', '12:30', '12:45']);
	});
	it('puts week ticks on local Monday midnights', () => {
		const { interval, ticks } = zonedTicks(
			[at('2023-09-01T00:00+07:00'), at('2023-10-01T00:00+07:00')],
			1160,
			'Asia/Jakarta'
		);
		expect(interval.name).toBe('1 w');
		expect(ticks.map((t) => t.label)).toEqual(['Mon 4 Sep', 'Mon 11 Sep', 'Mon 18 Sep', 'Mon 25 Sep']);
		expect(ticks[0]?.t).toBe(at('2023-09-04T00:00+07:00'));
	});
});

describe('zonedTicks over months', () => {
	it('puts month ticks on the local 1st, and quarter ticks on Jan/Apr/Jul/Oct', () => {
		const months = zonedTicks(
			[at('2023-08-15T00:00+07:00'), at('2024-08-15T00:00+07:00')],
			1160,
			'Asia/Jakarta'
		).ticks;
		expect(months[0]).toEqual({ t: at('2023-09-01T00:00+07:00'), label: 'Sep 2023', major: true });
		expect(months).toHaveLength(12);
		const quarters = zonedTicks(
			[at('2023-08-15T00:00+07:00'), at('2025-08-15T00:00+07:00')],
			1000,
			'Asia/Jakarta'
		);
		expect(quarters.interval.name).toBe('3 mo');
		expect(quarters.ticks.slice(0, 3).map((t) => t.label)).toEqual(['Oct 2023', 'Jan 2024', 'Apr 2024']);
	});
});

describe('zonedTicks, America/Sao_Paulo (UTC−3)', () => {
	it('puts 3-hour ticks on local 00/03/06…', () => {
		const { interval, ticks } = zonedTicks(
			[at('2023-03-01T00:00-03:00'), at('2023-03-02T00:00-03:00')],
			1000,
			'America/Sao_Paulo'
		);
		expect(interval.name).toBe('3 h');
		expect(ticks.map((t) => t.label)).toEqual([
			'Wed 1 Mar',
			'03:00',
			'06:00',
			'09:00',
			'12:00',
			'15:00',
			'18:00',
			'21:00',
			'Thu 2 Mar'
		]);
		expect(ticks[1]?.t).toBe(at('2023-03-01T06:00Z'));
	});
	it('starts a day whose midnight did not exist (DST began at 00:00 in 2018) at 01:00', () => {
		const { ticks } = zonedTicks(
			[at('2018-11-02T12:00-03:00'), at('2018-11-07T12:00-02:00')],
			1000,
			'America/Sao_Paulo'
		);
		const sunday = ticks.find((t) => t.label === 'Sun 4 Nov');
		expect(sunday?.t).toBe(at('2018-11-04T01:00-02:00'));
		expect(ticks.find((t) => t.label === 'Mon 5 Nov')?.t).toBe(at('2018-11-05T00:00-02:00'));
	});
});

describe('zonedTicks across a DST change, America/New_York', () => {
	it('spring forward: 3-hour ticks go 00:00 EST → 03:00 EDT, 2 h apart', () => {
		const { interval, ticks } = zonedTicks(
			[at('2023-03-11T12:00-05:00'), at('2023-03-12T12:00-04:00')],
			1000,
			'America/New_York'
		);
		expect(interval.name).toBe('3 h');
		expect(ticks.map((t) => t.label)).toEqual([
			'12:00',
			'15:00',
			'18:00',
			'21:00',
			'Sun 12 Mar',
			'03:00',
			'06:00',
			'09:00',
			'12:00'
		]);
		expect(ticks[5]?.t).toBe(at('2023-03-12T03:00-04:00'));
		expect((ticks[5]?.t ?? 0) - (ticks[4]?.t ?? 0)).toBe(2 * HOUR);
	});
	it('fall back: the repeated 01:00 gets a tick each time, all an hour apart', () => {
		const { interval, ticks } = zonedTicks(
			[at('2023-11-05T00:00-04:00'), at('2023-11-05T04:00-05:00')],
			440,
			'America/New_York'
		);
		expect(interval.name).toBe('1 h');
		expect(ticks.map((t) => t.label)).toEqual(['Sun 5 Nov', '01:00', '01:00', '02:00', '03:00', '04:00']);
		for (let i = 1; i < ticks.length; i++) expect((ticks[i]?.t ?? 0) - (ticks[i - 1]?.t ?? 0)).toBe(HOUR);
	});
	it('day ticks stay on local midnights on both sides of the change', () => {
		const { ticks } = zonedTicks(
			[at('2023-03-10T12:00-05:00'), at('2023-03-14T12:00-04:00')],
			500,
			'America/New_York'
		);
		expect(ticks.map((t) => [t.label, t.t])).toEqual([
			['Sat 11 Mar', at('2023-03-11T00:00-05:00')],
			['Sun 12 Mar', at('2023-03-12T00:00-05:00')],
			['Mon 13 Mar', at('2023-03-13T00:00-04:00')],
			['Tue 14 Mar', at('2023-03-14T00:00-04:00')]
		]);
	});
});
