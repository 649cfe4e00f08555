//! Village sums to the sums of a level above: each area adds its villages' series, found
//! through the village → area index of that year. Integer sums, exact at any size.

use super::areas::{LevelAreas, NONE};
use super::cells::{Cells, Scratch};

/// The sums of `level` for every year, from the villages' sums.
pub fn roll_up(villages: &Cells<i64>, level: &LevelAreas) -> Cells<i128> {
    let areas = level.areas.len();
    let mut cells = Cells::with_areas(areas);
    let mut scratch: Scratch<i128> = Scratch::default();
    for of_village in &level.of_village {
        let y = cells_year(&cells, areas);
        let children = children(of_village, areas);
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

/// The villages of each area: a counting sort of the village → area index.
struct Children {
    offsets: Vec<u32>,
    villages: Vec<u32>,
}

impl Children {
    fn of(&self, area: usize) -> &[u32] {
        &self.villages[self.offsets[area] as usize..self.offsets[area + 1] as usize]
    }
}

fn children(of_village: &[u32], areas: usize) -> Children {
    let mut offsets = vec![0u32; areas + 1];
    for &a in of_village {
        if a != NONE {
            offsets[a as usize + 1] += 1;
        }
    }
    for i in 0..areas {
        offsets[i + 1] += offsets[i];
    }
    let mut next = offsets.clone();
    let mut villages = vec![0u32; offsets[areas] as usize];
    for (v, &a) in of_village.iter().enumerate() {
        if a != NONE {
            villages[next[a as usize] as usize] = v as u32;
            next[a as usize] += 1;
        }
    }
    Children { offsets, villages }
}
