//! "Did you mean …?" suggestions for misspelt keys and column names.

use crate::text::fold;

/// Edit distance over characters where swapping two neighbours counts as one
/// edit (optimal string alignment), so `titel` is one edit from `title`:
/// `strsim::osa_distance` (already built for clap).
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// The known name closest to `input` (after folding case and diacritics)
/// within `max_distance` edits, if any.
pub fn nearest<'a>(input: &str, known: &[&'a str], max_distance: usize) -> Option<&'a str> {
    let folded = fold(input);
    known
        .iter()
        .map(|k| (edit_distance(&folded, &fold(k)), *k))
        .filter(|(d, _)| *d <= max_distance)
        .min_by_key(|(d, k)| (*d, *k))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_near_misses() {
        assert_eq!(edit_distance("titel", "title"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(
            nearest("titel", &["title", "date", "tags"], 2),
            Some("title")
        );
        assert_eq!(nearest("dat", &["title", "date", "tags"], 2), Some("date"));
        assert_eq!(nearest("cover_image", &["title", "date"], 2), None);
    }

    // The hand-written distance strsim replaced: same results on any text.
    /// Edit distance over characters where swapping two neighbours counts as one
    /// edit (optimal string alignment), so `titel` is one edit from `title`.
    fn reference(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        d[a.len()][b.len()]
    }

    proptest::proptest! {
        #[test]
        fn same_as_the_former_implementation(a in "[a-zăâđêôơưà_ -]{0,12}", b in "[a-zăâđêôơưà_ -]{0,12}") {
            proptest::prop_assert_eq!(edit_distance(&a, &b), reference(&a, &b));
        }
    }
}
