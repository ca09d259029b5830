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
