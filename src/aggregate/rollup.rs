//! Village sums to the sums of a level above: each area adds its villages' series, found
//! through the village → area index of that year. Integer sums, exact at any size.

use super::areas::LevelAreas;
use super::cells::{Cells, Scratch};
use crate::buckets::Buckets;

/// The sums of `level` for every year, from the villages' sums.
pub fn roll_up(villages: &Cells<i64>, level: &LevelAreas) -> Cells<i128> {
    let areas = level.areas.len();
    let mut cells = Cells::with_areas(areas);
    let mut scratch: Scratch<i128> = Scratch::default();
    for of_village in &level.of_village {
        let y = cells_year(&cells, areas);
        // The villages of each area, by a counting sort of the village → area index.
        let children = Buckets::new(of_village, areas);
        for area in 0..areas {
            for &v in children.of(area) {
                let (series, values) = villages.slot(y, v);
                for (s, value) in series.iter().zip(values) {
                    // Cannot overflow: at most 2³² villages of at most i64::MAX each.
                    let _ = scratch.add::<()>(*s, i128::from(*value), |a, b| Ok(a + b));
                }
            }
            cells.push_slot(scratch.drain());
        }
    }
    cells
}

/// The year index of the next slot to fill.
fn cells_year(cells: &Cells<i128>, areas: usize) -> usize {
    cells.slots().checked_div(areas).unwrap_or(0)
}
