#!/usr/bin/env python3
"""Generates the golden test vectors from the protocol rules (DOMAIN.md §2-3), independently of the Java code.

Published example frames carry wrong checksums, so every vector here is computed: CJ/T 188 checksum = sum of
bytes from 68 to the last data byte mod 256; Modbus CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF, low
byte first). Each file holds '# key: value' expectations and the frame as hex. Run: python3 generate.py
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(folder, name, comment, expect, frame):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    with open(os.path.join(HERE, folder, name + ".hex"), "w") as f:
        f.write("# " + comment + "\n")
        for k, v in expect:
            f.write("# expect.%s: %s\n" % (k, v))
        f.write(" ".join("%02X" % b for b in frame) + "\n")


# ---------------------------------------------------------------- CJ/T 188
def bcd_low_first(value, n):
    out = []
    for _ in range(n):
        out.append(((value // 10 % 10) << 4) | (value % 10))
        value //= 100
    assert value == 0
    return out


def addr(digits):
    return [int(digits[i:i + 2], 16) for i in range(12, -1, -2)]


def cjt(t, address, c, payload, preamble=0, cs_delta=0, end=0x16):
    body = [0x68, t] + addr(address) + [c, len(payload)] + payload
    return [0xFE] * preamble + body + [(sum(body) + cs_delta) & 0xFF, end]


def data901f(total, unit, settle, sunit, clock, st0, st1):
    ss, mm, hh, dd, mo, yyyy = clock
    return (bcd_low_first(total, 4) + [unit] + bcd_low_first(settle, 4) + [sunit]
            + bcd_low_first(ss, 1) + bcd_low_first(mm, 1) + bcd_low_first(hh, 1) + bcd_low_first(dd, 1)
            + bcd_low_first(mo, 1) + bcd_low_first(yyyy, 2) + [st0, st1])


A = "78330011223344"
CLOCK = (45, 30, 12, 15, 6, 2024)
ok = data901f(55667700, 0x2C, 55660000, 0x2C, CLOCK, 0x00, 0x00)

write("cjt188", "request-901f-domain", "read request from DOMAIN.md (checksum 80 verified there)",
      [("request", "read_current_flow"), ("type", "10"), ("address", A), ("ser", "00"), ("preamble", "4")],
      cjt(0x10, A, 0x01, [0x1F, 0x90, 0x00], preamble=4))
write("cjt188", "request-read-address", "read address (C=03, DI 810A) to the broadcast address",
      [("request", "read_address"), ("type", "10"), ("ser", "05"), ("preamble", "2")],
      cjt(0x10, "AAAAAAAAAAAAAA", 0x03, [0x0A, 0x81, 0x05], preamble=2))
write("cjt188", "request-valve-close", "valve close (C=04, DI A017, data 99)",
      [("request", "valve_close"), ("type", "10"), ("address", A), ("ser", "07"), ("preamble", "4")],
      cjt(0x10, A, 0x04, [0x17, 0xA0, 0x07, 0x99], preamble=4))
write("cjt188", "request-valve-open", "valve open (C=04, DI A017, data 55)",
      [("request", "valve_open"), ("type", "10"), ("address", A), ("ser", "08"), ("preamble", "0")],
      cjt(0x10, A, 0x04, [0x17, 0xA0, 0x08, 0x55]))
write("cjt188", "reply-901f-cold-water", "901F reply, cold water, m3, standard status all clear, 2 FE",
      [("address", A), ("type", "10"), ("control", "81"), ("di", "901F"), ("ser", "00"), ("total", "556677.00"),
       ("unit", "CUBIC_METRE"), ("settlement", "556600.00"), ("clock", "2024-06-15T12:30:45"),
       ("status0", "00"), ("status1", "00"), ("profile", "cjt188-standard"),
       ("reading.WATER_TOTAL_M3", "556677.0"), ("reading.VALVE_OPEN", "1.0"), ("events", "")],
      cjt(0x10, A, 0x81, [0x1F, 0x90, 0x00] + ok, preamble=2))
write("cjt188", "reply-901f-swapped-di-valve-closed",
      "901F reply, hot water, DI sent 90 1F, no preamble, standard status valve closed + low battery",
      [("address", "12345678901234"), ("type", "11"), ("control", "81"), ("di", "901F"), ("ser", "2A"),
       ("total", "12.34"), ("unit", "CUBIC_METRE"), ("settlement", "10.00"), ("clock", "2025-01-02T03:04:05"),
       ("status0", "05"), ("status1", "00"), ("profile", "cjt188-standard"),
       ("reading.WATER_TOTAL_M3", "12.34"), ("reading.VALVE_OPEN", "0.0"), ("events", "VALVE_SHUT,LOW_BATTERY")],
      cjt(0x11, "12345678901234", 0x81, [0x90, 0x1F, 0x2A]
          + data901f(1234, 0x2C, 1000, 0x2C, (5, 4, 3, 2, 1, 2025), 0x05, 0x00)))
write("cjt188", "reply-901f-gas-litres-vendor-b",
      "901F reply, gas meter reporting litres, vendor B bits: low battery, tamper, reverse flow, 4 FE",
      [("address", "00000000000001"), ("type", "30"), ("control", "81"), ("di", "901F"), ("ser", "01"),
       ("total", "1234.56"), ("unit", "LITRE"), ("settlement", "1000.00"), ("clock", "2024-02-29T23:59:59"),
       ("status0", "08"), ("status1", "05"), ("profile", "example-vendor-b"),
       ("reading.GAS_TOTAL_M3", "1.23456"), ("reading.VALVE_OPEN", "1.0"),
       ("events", "LOW_BATTERY,TAMPER,REVERSE_FLOW")],
      cjt(0x30, "00000000000001", 0x81, [0x1F, 0x90, 0x01]
          + data901f(123456, 0x29, 100000, 0x29, (59, 59, 23, 29, 2, 2024), 0x08, 0x05), preamble=4))
write("cjt188", "reply-901f-unset-clock", "901F reply whose meter clock is all zeros: reading kept, clock empty",
      [("address", A), ("type", "10"), ("control", "81"), ("di", "901F"), ("ser", "00"), ("total", "0.01"),
       ("unit", "CUBIC_METRE"), ("settlement", "0.00"), ("clock", ""), ("status0", "00"), ("status1", "00"),
       ("profile", "cjt188-standard"), ("reading.WATER_TOTAL_M3", "0.01"), ("reading.VALVE_OPEN", "1.0"),
       ("events", "")],
      cjt(0x10, A, 0x81, [0x1F, 0x90, 0x00] + bcd_low_first(1, 4) + [0x2C] + [0] * 4 + [0x2C] + [0] * 9))
write("cjt188", "reply-read-address", "read-address reply (C=83) carrying the meter's address",
      [("address", A), ("type", "10"), ("control", "83"), ("di", "810A"), ("ser", "05")],
      cjt(0x10, A, 0x83, [0x0A, 0x81, 0x05], preamble=1))
write("cjt188", "reply-error", "abnormal reply C1 with status byte 02",
      [("failure", "ERROR_REPLY"), ("status", "02")],
      cjt(0x10, A, 0xC1, [0x1F, 0x90, 0x00, 0x02], preamble=2))
write("cjt188", "reject-bad-checksum", "901F reply with checksum off by one",
      [("failure", "BAD_CHECKSUM")], cjt(0x10, A, 0x81, [0x1F, 0x90, 0x00] + ok, cs_delta=1))
write("cjt188", "reject-bad-end", "901F reply ending in 17 instead of 16",
      [("failure", "BAD_END_BYTE")], cjt(0x10, A, 0x81, [0x1F, 0x90, 0x00] + ok, end=0x17))
write("cjt188", "reject-bad-start", "frame starting 69 after the preamble",
      [("failure", "BAD_START_BYTE")], [0xFE, 0x69] + cjt(0x10, A, 0x81, [0x1F, 0x90, 0x00] + ok)[1:])
write("cjt188", "reject-truncated", "901F reply cut 5 bytes short",
      [("failure", "TRUNCATED_FRAME")], cjt(0x10, A, 0x81, [0x1F, 0x90, 0x00] + ok)[:-5])
write("cjt188", "reject-bad-bcd-address", "address byte 4A is not BCD",
      [("failure", "BAD_BCD")], cjt(0x10, "78330011223344", 0x81, [0x1F, 0x90, 0x00] + ok)[:2] + [0x4A]
      + cjt(0x10, A, 0x81, [0x1F, 0x90, 0x00] + ok)[3:-2]
      + [(sum([0x68, 0x10, 0x4A] + cjt(0x10, A, 0x81, [0x1F, 0x90, 0x00] + ok)[3:-2])) & 0xFF, 0x16])
write("cjt188", "reject-bad-bcd-total", "current total byte 0A is not BCD",
      [("failure", "BAD_BCD"), ("profile", "cjt188-standard")],
      cjt(0x10, A, 0x81, [0x1F, 0x90, 0x00] + [0x0A] + ok[1:]))
write("cjt188", "reject-short-901f", "901F reply with 18 data bytes (L=15)",
      [("failure", "BAD_LENGTH"), ("profile", "cjt188-standard")],
      cjt(0x10, A, 0x81, [0x1F, 0x90, 0x00] + ok[:-1]))
write("cjt188", "reject-unknown-unit", "901F reply with unit code 2B",
      [("failure", "UNKNOWN_CODE"), ("profile", "cjt188-standard")],
      cjt(0x10, A, 0x81, [0x1F, 0x90, 0x00] + ok[:4] + [0x2B] + ok[5:]))



# CJ/T 188-2004 heat meter 901F data (types 20 heating, 21 cooling), 43 bytes after DI + SER (L = 2E):
# settlement-day heat 4 BCD .2 + unit, current heat 4 BCD .2 + unit, heat power 4 BCD .2 + unit, flow rate
# 4 BCD .4 + unit, cumulative flow 4 BCD .2 + unit, supply and return temperature 3 BCD .2 (°C), working time
# 3 BCD (h), clock 7 bytes, ST0 ST1. Values below are given as integers in the last decimal place.
KWH, MWH, MWH_X100, MJ, GJ, GJ_X100 = 0x05, 0x08, 0x0A, 0x0E, 0x11, 0x13
W, KW, MW = 0x14, 0x17, 0x1A
LITRE, M3, L_H, M3_H = 0x29, 0x2C, 0x32, 0x35
TO_KWH = {KWH: 1.0, MWH: 1000.0, MWH_X100: 100000.0, MJ: 1 / 3.6, GJ: 1000 / 3.6, GJ_X100: 100000 / 3.6}
TO_KW = {W: 0.001, KW: 1.0, MW: 1000.0}
TO_M3H = {L_H: 0.001, M3_H: 1.0}
TO_M3 = {LITRE: 0.001, M3: 1.0}
UNIT_NAMES = {KWH: "KWH", MWH: "MWH", MWH_X100: "MWH_X100", MJ: "MJ", GJ: "GJ", GJ_X100: "GJ_X100", W: "W",
              KW: "KW", MW: "MW", LITRE: "LITRE", M3: "CUBIC_METRE", L_H: "LITRE_PER_HOUR",
              M3_H: "CUBIC_METRE_PER_HOUR"}


def data_heat(settle, heat, power, flow, volume, supply, ret, hours, clock, st0, st1):
    """settle/heat/power/volume: (hundredths, unit); flow: (ten-thousandths, unit); supply/ret: hundredths."""
    out = []
    for value, unit in (settle, heat, power, flow, volume):
        out += bcd_low_first(value, 4) + [unit]
    out += bcd_low_first(supply, 3) + bcd_low_first(ret, 3) + bcd_low_first(hours, 3)
    if clock is None:
        out += [0] * 7
    else:
        ss, mm, hh, dd, mo, yyyy = clock
        out += [bcd_low_first(x, 1)[0] for x in (ss, mm, hh, dd, mo)] + bcd_low_first(yyyy, 2)
    out += [st0, st1]
    assert len(out) == 43
    return out


def dec(value, places):
    s = "%0*d" % (places + 1, value)
    return s[:-places] + "." + s[-places:]


def heat_expect(settle, heat, power, flow, volume, supply, ret, hours, clock, st0, st1, cooling=False):
    """The parsed fields and the readings in canonical units, computed here from the unit table above."""
    clock_text = "" if clock is None else "%04d-%02d-%02dT%02d:%02d:%02d" % (
        clock[5], clock[4], clock[3], clock[2], clock[1], clock[0])
    return [("settlement_heat", dec(settle[0], 2)), ("settlement_heat_unit", UNIT_NAMES[settle[1]]),
            ("heat", dec(heat[0], 2)), ("heat_unit", UNIT_NAMES[heat[1]]),
            ("power", dec(power[0], 2)), ("power_unit", UNIT_NAMES[power[1]]),
            ("flow", dec(flow[0], 4)), ("flow_unit", UNIT_NAMES[flow[1]]),
            ("volume", dec(volume[0], 2)), ("volume_unit", UNIT_NAMES[volume[1]]),
            ("supply", dec(supply, 2)), ("return", dec(ret, 2)), ("hours", str(hours)), ("clock", clock_text),
            ("status0", "%02X" % st0), ("status1", "%02X" % st1),
            ("reading.COOLING_ENERGY_KWH" if cooling else "reading.HEAT_ENERGY_KWH",
             repr(heat[0] / 100 * TO_KWH[heat[1]])),
            ("reading.HEAT_POWER_KW", repr(power[0] / 100 * TO_KW[power[1]])),
            ("reading.WATER_FLOW_M3H", repr(flow[0] / 10000 * TO_M3H[flow[1]])),
            ("reading.WATER_TOTAL_M3", repr(volume[0] / 100 * TO_M3[volume[1]])),
            ("reading.SUPPLY_TEMP_C", repr(supply / 100)), ("reading.RETURN_TEMP_C", repr(ret / 100)),
            ("reading.OPERATING_HOURS", repr(float(hours)))]


def heat_vector(name, comment, t, address, di, ser, profile, values, events, valve, preamble=0, cooling=False):
    expect = [("address", address), ("type", "%02X" % t), ("control", "81"), ("di", "901F"), ("ser", "%02X" % ser),
              ("profile", profile)] + heat_expect(*values, cooling=cooling)
    if valve is not None:
        expect.append(("reading.VALVE_OPEN", valve))
    expect.append(("events", events))
    write("cjt188", name, comment, expect, cjt(t, address, 0x81, di + [ser] + data_heat(*values), preamble=preamble))


HEAT_OK = ((120000, KWH), (123456, KWH), (350, KW), (1234, M3_H), (5678, M3), 5520, 4015, 2160,
           (0, 0, 8, 1, 12, 2024), 0x00, 0x00)
heat_ok = data_heat(*HEAT_OK)
heat_vector("reply-901f-heat-kwh", "heat meter (20) in kWh, kW, m3/h, m3, standard status all clear, 4 FE",
            0x20, A, [0x1F, 0x90], 0x00, "cjt188-standard", HEAT_OK, "", "1.0", preamble=4)
heat_vector("reply-901f-heat-gj-mw-litres",
            "heat meter (20) in GJ, MW, L/h and L: converted to kWh, kW, m3/h, m3; standard low battery",
            0x20, "00000000123456", [0x1F, 0x90], 0x11, "cjt188-standard",
            ((1000, GJ), (1234, GJ), (125, MW), (8500000, L_H), (12345678, LITRE), 7550, 5025, 999999,
             (59, 59, 23, 31, 12, 2025), 0x04, 0x00), "LOW_BATTERY", "1.0", preamble=2)
heat_vector("reply-901f-heat-mwh-x100", "heat meter (20) with current heat in MWh x100, settlement in GJ x100",
            0x20, A, [0x1F, 0x90], 0x02, "cjt188-standard",
            ((150, GJ_X100), (50, MWH_X100), (1234567, KW), (99999999, M3_H), (99999999, M3), 9999, 0, 0,
             (1, 2, 3, 4, 5, 2026), 0x00, 0x00), "", "1.0")
heat_vector("reply-901f-cooling-mj-swapped-di",
            "cooling meter (21), DI sent 90 1F, MJ and W, unset clock, no-valve vendor with tamper in ST1",
            0x21, "12345678901234", [0x90, 0x1F], 0x7F, "example-vendor-c-novalve",
            ((0, MWH), (360000, MJ), (250000, W), (15000, M3_H), (100, M3), 700, 1200, 10, None, 0x00, 0x40),
            "TAMPER", None, cooling=True)

heat_frame = cjt(0x20, A, 0x81, [0x1F, 0x90, 0x00] + heat_ok)
write("cjt188", "reject-heat-short", "heat meter 901F reply with 42 data bytes (L=2D): status byte missing",
      [("failure", "BAD_LENGTH"), ("profile", "cjt188-standard"), ("message", "heat meter data is 43 bytes")],
      cjt(0x20, A, 0x81, [0x1F, 0x90, 0x00] + heat_ok[:-1]))
write("cjt188", "reject-heat-water-layout", "heat meter (20) answering with the 19-byte water/gas layout",
      [("failure", "BAD_LENGTH"), ("profile", "cjt188-standard"), ("message", "heat meter data is 43 bytes")],
      cjt(0x20, A, 0x81, [0x1F, 0x90, 0x00] + ok))
write("cjt188", "reject-heat-truncated", "heat meter 901F reply cut off inside the temperatures",
      [("failure", "TRUNCATED_FRAME"), ("profile", "cjt188-standard")], heat_frame[:11 + 3 + 27])
write("cjt188", "reject-heat-bad-bcd-supply", "supply temperature byte 5A is not BCD",
      [("failure", "BAD_BCD"), ("profile", "cjt188-standard"), ("message", "supply temperature")],
      cjt(0x20, A, 0x81, [0x1F, 0x90, 0x00] + heat_ok[:25] + [0x5A] + heat_ok[26:]))
write("cjt188", "reject-heat-bad-bcd-heat", "current heat byte F1 is not BCD",
      [("failure", "BAD_BCD"), ("profile", "cjt188-standard"), ("message", "current heat")],
      cjt(0x20, A, 0x81, [0x1F, 0x90, 0x00] + heat_ok[:7] + [0xF1] + heat_ok[8:]))
write("cjt188", "reject-heat-power-in-m3", "heat power followed by unit 2C (m3): not a power unit",
      [("failure", "UNKNOWN_CODE"), ("profile", "cjt188-standard"), ("message", "heat power")],
      cjt(0x20, A, 0x81, [0x1F, 0x90, 0x00] + heat_ok[:14] + [M3] + heat_ok[15:]))
write("cjt188", "reject-heat-unknown-unit", "current heat followed by unit code 03 (not in the table)",
      [("failure", "UNKNOWN_CODE"), ("profile", "cjt188-standard"), ("message", "current heat")],
      cjt(0x20, A, 0x81, [0x1F, 0x90, 0x00] + heat_ok[:9] + [0x03] + heat_ok[10:]))
write("cjt188", "reject-heat-supply-out-of-range", "supply temperature 250.00 C: no water circuit runs that hot",
      [("failure", "OUT_OF_RANGE"), ("profile", "cjt188-standard"), ("message", "supply_temp_c")],
      cjt(0x20, A, 0x81, [0x1F, 0x90, 0x00] + heat_ok[:25] + bcd_low_first(25000, 3) + heat_ok[28:]))

# ---------------------------------------------------------------- Modbus RTU
def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return [crc & 0xFF, crc >> 8]


def rtu(body, crc_delta=0):
    c = crc16(body)
    return body + [c[0] ^ crc_delta, c[1]]


assert rtu([0x01, 0x03, 0x00, 0x00, 0x00, 0x0A])[-2:] == [0xC5, 0xCD], "classic CRC check value"


def f32(x, order):
    a, b, c, d = struct.pack(">f", x)
    return {"ABCD": [a, b, c, d], "CDAB": [c, d, a, b], "BADC": [b, a, d, c], "DCBA": [d, c, b, a]}[order]


def i32(x, order):
    a, b, c, d = struct.pack(">i", x)
    return {"ABCD": [a, b, c, d], "CDAB": [c, d, a, b]}[order]


def u16(x):
    return [(x >> 8) & 0xFF, x & 0xFF]


def reply(slave, fn, data, crc_delta=0):
    return rtu([slave, fn, len(data)] + data, crc_delta)


def req(slave, fn, start, count):
    return [("slave", str(slave)), ("function", str(fn)), ("start", str(start)), ("count", str(count))]


write("modbus", "request-classic", "read 10 holding registers of slave 1 from 0: CRC C5 CD",
      [("request", "")] + req(1, 3, 0, 10), rtu([0x01, 0x03, 0x00, 0x00, 0x00, 0x0A]))
write("modbus", "request-input-gas", "read 4 input registers of slave 3 from 0",
      [("request", "")] + req(3, 4, 0, 4), rtu([0x03, 0x04, 0x00, 0x00, 0x00, 0x04]))

wm1 = f32(1234.5, "DCBA") + f32(0.25, "DCBA") + f32(1.5, "DCBA")
write("modbus", "wm-float-dcba-full", "DOMAIN.md water meter: totals and flow as float32 DCBA, pipe full",
      req(1, 3, 1, 7) + [("model", "wm-float-dcba"), ("reading.WATER_TOTAL_M3", "1234.5"),
                         ("reading.WATER_REVERSE_M3", "0.25"), ("reading.WATER_FLOW_M3H", "1.5"), ("events", "")],
      reply(1, 3, wm1 + u16(0x00AA)))
write("modbus", "wm-float-dcba-empty-pipe", "DOMAIN.md water meter with pipe status 0x0055 (empty)",
      req(1, 3, 1, 7) + [("model", "wm-float-dcba"), ("reading.WATER_TOTAL_M3", "1234.5"),
                         ("reading.WATER_REVERSE_M3", "0.25"), ("reading.WATER_FLOW_M3H", "1.5"), ("events", "FAULT")],
      reply(1, 3, wm1 + u16(0x0055)))
write("modbus", "wm-bcd-cdab", "BCD CDAB water meter: 123456.78 m3, -1.5 m3/h, valve open, low battery + reverse",
      req(2, 3, 0x10, 7) + [("model", "wm-bcd-cdab"), ("reading.WATER_TOTAL_M3", "123456.78"),
                            ("reading.WATER_FLOW_M3H", "-1.5"), ("reading.VALVE_OPEN", "1"),
                            ("reading.BATTERY_V", "3.61"), ("events", "LOW_BATTERY,REVERSE_FLOW")],
      reply(2, 3, [0x56, 0x78, 0x12, 0x34] + i32(-1500, "CDAB") + u16(1) + u16(0x0005) + u16(361)))
write("modbus", "gas-detector-alarm", "gas detector: 23.5 %LEL, alarm state 1, sensor end of life, 120 days",
      req(3, 4, 0, 4) + [("model", "gas-detector-basic"), ("block2", "16:00D7"), ("reading.GAS_LEL", "23.5"),
                         ("reading.SENSOR_LIFE_DAYS", "120"), ("reading.TEMPERATURE_C", "21.5"),
                         ("events", "ALARM,SENSOR_END_OF_LIFE")],
      reply(3, 4, u16(235) + u16(1) + u16(0x0002) + u16(120)))
write("modbus", "reject-exception", "exception reply 83 02: illegal data address",
      req(1, 3, 1, 7) + [("failure", "ERROR_REPLY"), ("exception", "2")], rtu([0x01, 0x83, 0x02]))
write("modbus", "reject-bad-crc", "water meter reply with the CRC low byte flipped",
      req(1, 3, 1, 7) + [("failure", "BAD_CHECKSUM")], reply(1, 3, wm1 + u16(0x00AA), crc_delta=0x01))
write("modbus", "reject-wrong-slave", "a valid reply from slave 2 to a request for slave 1",
      req(1, 3, 1, 7) + [("failure", "WRONG_ADDRESS")], reply(2, 3, wm1 + u16(0x00AA)))
write("modbus", "reject-wrong-function", "a valid function 04 reply to a function 03 request",
      req(1, 3, 1, 7) + [("failure", "UNEXPECTED_FUNCTION")], reply(1, 4, wm1 + u16(0x00AA)))
write("modbus", "reject-byte-count", "a valid reply carrying 6 registers for a 7-register request",
      req(1, 3, 1, 7) + [("failure", "BAD_LENGTH")], reply(1, 3, wm1))
write("modbus", "reject-truncated", "a reply cut 3 bytes before its announced end",
      req(1, 3, 1, 7) + [("failure", "TRUNCATED_FRAME")], reply(1, 3, wm1 + u16(0x00AA))[:-3])
write("modbus", "reject-unknown-pipe-status", "pipe status 0x0001 is not in the profile",
      req(1, 3, 1, 7) + [("model", "wm-float-dcba"), ("failure", "UNKNOWN_CODE")], reply(1, 3, wm1 + u16(0x0001)))
write("modbus", "reject-bad-bcd", "BCD total with nibble A",
      req(2, 3, 0x10, 7) + [("model", "wm-bcd-cdab"), ("failure", "BAD_BCD")],
      reply(2, 3, [0x56, 0x7A, 0x12, 0x34] + i32(0, "CDAB") + u16(1) + u16(0) + u16(361)))
write("modbus", "reject-nan-total", "float total NaN (a wrong word order looks like this)",
      req(1, 3, 1, 7) + [("model", "wm-float-dcba"), ("failure", "OUT_OF_RANGE")],
      reply(1, 3, [0x00, 0x00, 0xC0, 0x7F] + f32(0, "DCBA") + f32(0, "DCBA") + u16(0x00AA)))
