//! `minhbach serve`: live preview. Parses the options and hands over to
//! [`crate::serve`]; all the work happens there.

use std::net::IpAddr;
use std::process::ExitCode;

use clap::Args;

use super::SiteArgs;
use crate::serve::{self, ServeOptions};

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Cổng mạng; nếu đang bận thì dùng cổng trống kế tiếp.
    #[arg(long, value_name = "CỔNG", default_value_t = 1111)]
    pub port: u16,
    /// Địa chỉ lắng nghe; mặc định chỉ máy này (127.0.0.1).
    #[arg(long, value_name = "ĐỊA_CHỈ", default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Mở trình duyệt khi máy chủ sẵn sàng.
    #[arg(long)]
    pub open: bool,
}

impl ServeArgs {
    pub fn run(self) -> ExitCode {
        let opts = ServeOptions {
            root: self.site.root.clone(),
            bind: self.bind,
            port: self.port,
            open: self.open,
            today: self.site.today(),
            drafts: self.site.drafts,
        };
        match serve::run(opts) {
            Ok(()) => ExitCode::SUCCESS,
            Err(msg) => {
                eprintln!("lỗi: {msg}");
                ExitCode::from(1)
            }
        }
    }
}
