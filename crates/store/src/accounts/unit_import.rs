//! Importing a whole tree at once: all of it or none of it.

use std::collections::HashMap;

use khien_domain::accounts::UnitCode;

use super::units::{NewUnit, unit_id_in_tx};
use super::{AccountError, UnitId};
use crate::Store;

/// One unit of an import, with the line of the file it came from so an error can
/// point at it.
#[derive(Debug, Clone)]
pub struct ImportRow {
    /// 1-based line (CSV) or table number (TOML) in the file.
    pub line: usize,
    /// The unit.
    pub unit: NewUnit,
}

impl Store {
    /// Adds every unit in one transaction. A parent may come later in the file
    /// than its children, or already be in the database. Any bad row (duplicate
    /// code, unknown parent, a cycle) is [`AccountError::Import`] naming its line,
    /// and nothing is stored. `progress` is called with the count inserted so far.
    pub async fn import_units(
        &self,
        actor: &str,
        rows: &[ImportRow],
        mut progress: impl FnMut(usize) + Send,
    ) -> Result<usize, AccountError> {
        let order = insertion_order(rows)?;
        let mut tx = self.begin().await?;
        let mut ids: HashMap<&UnitCode, UnitId> = HashMap::new();
        for (done, &index) in order.iter().enumerate() {
            let row = &rows[index];
            let at_line = |message: String| AccountError::Import {
                line: row.line,
                message,
            };
            let parent_id = match &row.unit.parent {
                None => None,
                Some(code) => match ids.get(code) {
                    Some(id) => Some(id.clone()),
                    None => Some(unit_id_in_tx(&mut tx, code).await?.ok_or_else(|| {
                        at_line(format!(
                            "parent unit {code} is neither in the file nor stored"
                        ))
                    })?),
                },
            };
            let unit = match tx.insert_unit(actor, &row.unit, parent_id).await {
                Ok(unit) => unit,
                Err(error) if error.is_conflict() => {
                    return Err(at_line(format!("unit {} already exists", row.unit.code)));
                }
                Err(error) => return Err(error),
            };
            ids.insert(&row.unit.code, unit.id);
            progress(done + 1);
        }
        tx.commit().await?;
        Ok(order.len())
    }
}

/// Indexes of `rows` with every parent in the file before its children. Refuses
/// a code given twice and a cycle of parents, naming the line.
fn insertion_order(rows: &[ImportRow]) -> Result<Vec<usize>, AccountError> {
    let mut by_code: HashMap<&UnitCode, usize> = HashMap::new();
    for (index, row) in rows.iter().enumerate() {
        if let Some(&first) = by_code.get(&row.unit.code) {
            return Err(AccountError::Import {
                line: row.line,
                message: format!(
                    "unit {} is already on line {}",
                    row.unit.code, rows[first].line
                ),
            });
        }
        by_code.insert(&row.unit.code, index);
    }
    // 0 = not placed, 1 = being placed (on the current parent chain), 2 = placed.
    let mut state = vec![0u8; rows.len()];
    let mut order = Vec::with_capacity(rows.len());
    for start in 0..rows.len() {
        // Walk up to the highest unplaced ancestor in the file, then place the
        // chain top down. Iterative, so a ten-thousand-deep chain cannot overflow.
        let mut chain = Vec::new();
        let mut current = Some(start);
        while let Some(index) = current {
            match state[index] {
                2 => break,
                1 => {
                    return Err(AccountError::Import {
                        line: rows[index].line,
                        message: format!("unit {} is its own ancestor", rows[index].unit.code),
                    });
                }
                _ => {}
            }
            state[index] = 1;
            chain.push(index);
            current = rows[index]
                .unit
                .parent
                .as_ref()
                .and_then(|parent| by_code.get(parent).copied());
        }
        for &index in chain.iter().rev() {
            state[index] = 2;
            order.push(index);
        }
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use khien_domain::accounts::{UnitKind, UnitName};

    use super::*;

    fn row(line: usize, code: &str, parent: Option<&str>) -> ImportRow {
        ImportRow {
            line,
            unit: NewUnit {
                code: UnitCode::parse(code).unwrap(),
                name: UnitName::parse(code).unwrap(),
                kind: UnitKind::Other,
                parent: parent.map(|p| UnitCode::parse(p).unwrap()),
                head_position: None,
            },
        }
    }

    #[test]
    fn parents_are_placed_before_children_wherever_they_are_in_the_file() {
        let rows = [
            row(2, "CC", Some("BB")),
            row(3, "BB", Some("AA")),
            row(4, "DD", Some("STORED")),
            row(5, "AA", None),
        ];
        let order = insertion_order(&rows).unwrap();
        let position = |code: &str| {
            order
                .iter()
                .position(|&i| rows[i].unit.code.as_str() == code)
                .unwrap()
        };
        assert_eq!(order.len(), 4);
        assert!(position("AA") < position("BB") && position("BB") < position("CC"));
    }

    #[test]
    fn duplicates_and_cycles_name_a_line() {
        let duplicate = [row(2, "AA", None), row(3, "AA", None)];
        assert_eq!(
            insertion_order(&duplicate).unwrap_err().to_string(),
            "line 3: unit AA is already on line 2"
        );
        let cycle = [row(2, "AA", Some("BB")), row(3, "BB", Some("AA"))];
        assert!(matches!(
            insertion_order(&cycle),
            Err(AccountError::Import { .. })
        ));
        let own_parent = [row(7, "AA", Some("AA"))];
        assert_eq!(
            insertion_order(&own_parent).unwrap_err().to_string(),
            "line 7: unit AA is its own ancestor"
        );
    }
}
