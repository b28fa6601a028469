//! The HTTP side of `serve`: the axum router, the live-reload event
//! stream (SSE), and turning a [`Snapshot`] plus a request path into a
//! response, with the reload script and error overlay added to HTML.
//!
//! Which file a path means is decided in [`super::http`]; this module only
//! builds responses. It never touches the disk except through
//! `Output::read` for files the build copies.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::BroadcastStream;

use super::{Shared, Snapshot, guard, http, overlay};

/// The router; every request first passes [`guard::HostGuard`] for the
/// address the server is bound to.
pub fn router(shared: Arc<Shared>, bound: std::net::SocketAddr) -> Router {
    let guard = Arc::new(guard::HostGuard::new(bound));
    Router::new()
        .route(overlay::EVENTS_PATH, get(events))
        .fallback(serve_file)
        .with_state(shared)
        .layer(axum::middleware::from_fn(move |req, next| {
            screen(Arc::clone(&guard), req, next)
        }))
}

/// Refuses foreign `Host` values (403) and methods other than GET/HEAD
/// (405), before any routing.
async fn screen(
    guard: Arc<guard::HostGuard>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        // HTTP/2 and absolute-form requests carry the host in the URI.
        .or_else(|| req.uri().authority().map(|a| a.as_str().to_owned()));
    match guard.check(req.method().as_str(), host.as_deref()) {
        guard::Verdict::Pass => next.run(req).await,
        guard::Verdict::ForeignHost => plain(
            StatusCode::FORBIDDEN,
            "Máy chủ xem trước chỉ trả lời khi được gọi bằng địa chỉ của chính nó (localhost, 127.0.0.1 hoặc địa chỉ --bind).\n",
        ),
        guard::Verdict::MethodNotAllowed => {
            let mut res = plain(
                StatusCode::METHOD_NOT_ALLOWED,
                "Máy chủ xem trước chỉ nhận yêu cầu GET và HEAD.\n",
            );
            res.headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
            res
        }
    }
}

/// The SSE stream: a `hello` with the current generation, then one
/// `reload` per build. Keep-alive comments detect closed connections.
async fn events(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    let rx = shared.reload.subscribe();
    let hello = shared.snapshot().generation;
    let first = tokio_stream::once(Ok::<_, Infallible>(
        Event::default().event("hello").data(hello.to_string()),
    ));
    // A lagging receiver just skips to the next build; one reload is enough.
    let rest = BroadcastStream::new(rx).filter_map(|r| {
        r.ok()
            .map(|g| Ok(Event::default().event("reload").data(g.to_string())))
    });
    Sse::new(first.chain(rest)).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

async fn serve_file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let snap = shared.snapshot();
    respond(&snap, uri.path())
}

/// Builds the response for `path` from a snapshot.
pub fn respond(snap: &Snapshot, path: &str) -> Response {
    if snap.output.is_empty()
        && let Some(errors) = &snap.errors
    {
        // No good build yet: every path shows only the errors (no redirect,
        // since even the base path may be unknown).
        let page = overlay::error_page(errors, snap.generation);
        return with_type(
            StatusCode::INTERNAL_SERVER_ERROR,
            http::content_type("index.html"),
            page.into_bytes(),
        );
    }
    match http::resolve(path, &snap.base_path, &snap.output) {
        http::Route::File(key) => match snap.output.read(&key) {
            Some(bytes) => file_response(snap, StatusCode::OK, &key, bytes),
            // A copied file vanished since the build; the rebuild is coming.
            None => not_found(snap),
        },
        http::Route::Redirect(to) => Response::builder()
            .status(StatusCode::FOUND)
            .header(header::LOCATION, to)
            .header(header::CACHE_CONTROL, "no-store")
            .body(Body::empty())
            .unwrap_or_default(),
        http::Route::NotFound => not_found(snap),
        http::Route::BadRequest => plain(StatusCode::BAD_REQUEST, "Đường dẫn không hợp lệ.\n"),
    }
}

fn not_found(snap: &Snapshot) -> Response {
    match snap.output.read("404.html") {
        Some(bytes) => file_response(snap, StatusCode::NOT_FOUND, "404.html", bytes),
        None => plain(StatusCode::NOT_FOUND, "Không tìm thấy trang.\n"),
    }
}

fn file_response(snap: &Snapshot, status: StatusCode, key: &str, bytes: Vec<u8>) -> Response {
    let ctype = http::content_type(key);
    let bytes = if http::is_html(key) {
        let mut snippet = String::new();
        if let Some(errors) = &snap.errors {
            snippet.push_str(&overlay::overlay(errors));
        }
        snippet.push_str(&overlay::reload_script(snap.generation));
        overlay::inject(&bytes, &snippet)
    } else {
        bytes
    };
    with_type(status, ctype, bytes)
}

fn with_type(status: StatusCode, ctype: &'static str, bytes: Vec<u8>) -> Response {
    let mut res = (status, bytes).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    with_type(
        status,
        "text/plain; charset=utf-8",
        text.as_bytes().to_vec(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::output::Output;

    fn snap(errors: bool) -> Snapshot {
        let mut out = Output::default();
        out.insert(
            "index.html".into(),
            b"<html><body>trang chu</body></html>".to_vec(),
        );
        out.insert("404.html".into(), b"<body>khong thay</body>".to_vec());
        out.insert("style.css".into(), b"body{}".to_vec());
        let errors = errors.then(|| {
            let mut d = Diagnostics::new();
            d.push(crate::diagnostics::Diagnostic::error(
                "content/a.md",
                "hỏng",
            ));
            Arc::new(d)
        });
        Snapshot {
            output: Arc::new(out),
            base_path: "/cds/".into(),
            errors,
            generation: 3,
        }
    }

    async fn body(res: Response) -> String {
        let b = axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap();
        String::from_utf8(b.to_vec()).unwrap()
    }

    #[tokio::test]
    async fn serves_html_with_script_only() {
        let s = snap(false);
        let res = respond(&s, "/cds/");
        assert_eq!(res.status(), StatusCode::OK);
        let b = body(res).await;
        assert!(b.contains("trang chu"));
        assert!(b.contains(overlay::EVENTS_PATH));
        assert!(!b.contains("__minhbach-overlay"));
        let css = body(respond(&s, "/cds/style.css")).await;
        assert_eq!(css, "body{}");
        let res = respond(&s, "/cds/khong-co/");
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert!(body(res).await.contains("khong thay"));
        assert_eq!(respond(&s, "/cds/../x").status(), StatusCode::BAD_REQUEST);
        assert_eq!(respond(&s, "/").status(), StatusCode::FOUND);
    }

    #[tokio::test]
    async fn failed_rebuild_adds_overlay() {
        let b = body(respond(&snap(true), "/cds/")).await;
        assert!(b.contains("trang chu"));
        assert!(b.contains("__minhbach-overlay"));
        assert!(b.contains("content/a.md"));
    }

    #[tokio::test]
    async fn failed_first_build_shows_only_overlay() {
        let mut s = snap(true);
        s.output = Arc::new(Output::default());
        let b = body(respond(&s, "/cds/")).await;
        assert!(b.contains("__minhbach-overlay") && b.contains("hỏng"));
        assert!(b.contains(overlay::EVENTS_PATH));
    }

    #[tokio::test]
    async fn failed_first_build_never_redirects() {
        let mut s = snap(true);
        s.output = Arc::new(Output::default());
        s.base_path = "/".into();
        for path in ["/", "/cds", "/x/y", "/../z"] {
            let res = respond(&s, path);
            assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR, "{path}");
            assert!(body(res).await.contains("__minhbach-overlay"));
        }
    }
}
