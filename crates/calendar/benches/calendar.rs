//! Conversion and working-day arithmetic speed. Run briefly with
//! `cargo bench -p khien-calendar -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use khien_calendar::{Calendar, lunar};

fn conversions(c: &mut Criterion) {
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    // Spread over 80 years so the measurement is not one cached month.
    let days: Vec<NaiveDate> = (0..1024u64)
        .map(|i| first + Days::new(i * 28 + i % 29))
        .collect();
    lunar::to_lunar(first).unwrap(); // build the month table outside the measurement
    c.bench_function("to_lunar (1024 dates)", |b| {
        b.iter(|| {
            for d in &days {
                black_box(lunar::to_lunar(black_box(*d)).unwrap());
            }
        })
    });
    let lunar_days: Vec<_> = days.iter().map(|d| lunar::to_lunar(*d).unwrap()).collect();
    c.bench_function("from_lunar (1024 dates)", |b| {
        b.iter(|| {
            for l in &lunar_days {
                black_box(lunar::from_lunar(l.day(), l.month(), l.year(), l.is_leap()).unwrap());
            }
        })
    });
}

fn working_days(c: &mut Criterion) {
    let calendar = Calendar::builtin();
    let received = NaiveDate::from_ymd_opt(2025, 1, 24).unwrap();
    calendar.add_working_days(received, 7).unwrap(); // cache the year table
    c.bench_function("add_working_days(7) across Tết", |b| {
        b.iter(|| {
            calendar
                .add_working_days(black_box(received), black_box(7))
                .unwrap()
        })
    });
    c.bench_function("add_days(30)", |b| {
        b.iter(|| {
            calendar
                .add_days(black_box(received), black_box(30))
                .unwrap()
        })
    });
    c.bench_function("Calendar::builtin + first year table", |b| {
        b.iter(|| {
            let fresh = Calendar::builtin();
            black_box(fresh.add_working_days(black_box(received), 7).unwrap())
        })
    });
}

criterion_group!(benches, conversions, working_days);
criterion_main!(benches);
