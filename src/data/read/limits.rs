//! Size limits every reader checks *before* it allocates for the content:
//! a data file's bytes on disk are bounded by the caller (50 MB); these bound
//! what the bytes unpack to (a workbook's zip entries), how many cells a sheet
//! may spread over, and how many rows one table may hold.
//!
//! The numbers are far above a province's data (docs/performance.md: 20.000
//! results, 5.000 tasks) and far below what exhausts a laptop's memory.

use crate::text::format_integer;

/// Largest total unpacked size of a workbook's zip entries (256 MB).
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// Most cells a workbook may spread over, counting the empty cells between
/// column A and each row's last filled cell (2.000.000).
pub const MAX_GRID_CELLS: usize = 2_000_000;

/// Most rows one table (sheet, CSV file, or top-level key) may hold (200.000).
pub const MAX_ROWS: usize = 200_000;

/// "200.000", the Vietnamese way.
pub fn count(n: usize) -> String {
    format_integer(i64::try_from(n).unwrap_or(i64::MAX))
}

/// "… MB" of a byte count, rounded up.
pub fn megabytes(bytes: u64) -> String {
    count(usize::try_from(bytes.div_ceil(1024 * 1024)).unwrap_or(usize::MAX))
}

/// The message for a table that has more than [`MAX_ROWS`] rows.
pub fn too_many_rows(what: &str) -> String {
    format!(
        "{what} có hơn {} dòng — giới hạn của một bảng dữ liệu",
        count(MAX_ROWS)
    )
}

/// How to fix a table that has too many rows.
pub const ROWS_HINT: &str = "tách bảng theo năm hoặc theo đơn vị thành nhiều tệp (mỗi tệp tên bắt đầu bằng loại dữ liệu, ví dụ ket-qua-2025.csv), hoặc xóa các dòng thừa ở cuối bảng";
