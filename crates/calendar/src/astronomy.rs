//! New moons and the sun's longitude, by the low-precision formulas (after Jean Meeus,
//! *Astronomical Algorithms*) that Hồ Ngọc Đức published for the Vietnamese calendar.
//!
//! Everything is evaluated for the UTC+7 meridian: that is what makes the Vietnamese
//! calendar differ from the Chinese one (UTC+8) in years such as 1968, 1985 and 2007,
//! when a new moon falls between 23:00 and 24:00 Beijing time.
//!
//! The formulas are deliberately the published ones, constants included: the calendar
//! in use in Vietnam is computed this way, and a "more accurate" model would disagree
//! with it on the rare new moons that fall near local midnight.

use std::f64::consts::PI;

/// Vietnam's civil time zone, in hours east of UTC.
const TIME_ZONE_HOURS: f64 = 7.0;
/// Mean length of a synodic month, in days.
pub(crate) const SYNODIC_MONTH: f64 = 29.530_588_853;

/// Julian day (with fraction, UTC) of the `k`-th new moon after the one of 1900-01-01.
fn new_moon(k: i32) -> f64 {
    let k = f64::from(k);
    let t = k / 1236.85; // Julian centuries from 1900-01-00.5
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin(); // mean new moon
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3; // sun's mean anomaly
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3; // moon's mean anomaly
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3; // moon's argument of latitude
    let mut c1 = (0.1734 - 0.000_393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// The sun's apparent longitude in radians, in `[0, 2π)`, at Julian day `jd` (UTC).
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0; // Julian centuries from J2000.0
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2; // mean anomaly
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2; // mean longitude
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin();
    dl += (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin() + 0.000_290 * (dr * 3.0 * m).sin();
    ((l0 + dl) * dr).rem_euclid(2.0 * PI)
}

/// A new moon: its number `index` (0 near 1900-01-01) and the Julian day number of
/// the UTC+7 civil day on which it falls, which is the first day of a lunar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NewMoon {
    pub index: i32,
    pub day: i32,
}

impl NewMoon {
    pub(crate) fn number(index: i32) -> NewMoon {
        let day = (new_moon(index) + 0.5 + TIME_ZONE_HOURS / 24.0).floor() as i32;
        NewMoon { index, day }
    }
}

/// Which 30° sector (0–11) the sun is in at the local (UTC+7) midnight that starts the
/// day `jdn`. Sector 9 starts at the winter solstice (270°); a lunar month in whose
/// days the sector does not change contains no major solar term (trung khí).
pub(crate) fn sun_sector_at_local_midnight(jdn: i32) -> i32 {
    let midnight = f64::from(jdn) - 0.5 - TIME_ZONE_HOURS / 24.0;
    (sun_longitude(midnight) / PI * 6.0).floor() as i32
}
