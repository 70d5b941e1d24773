//! The web page: a few static files compiled into the binary (`web/` in this crate), served
//! with their content types. The page's own script and style, and the vendored map data and
//! TopoJSON decoder (`web/vendor/`, fetched from npm by `scripts/vendor-web.sh` at pinned
//! versions, with their licences); nothing is fetched from the internet at run time.

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

/// Every file the page is made of: path, content type, bytes.
const FILES: [(&str, &str, &[u8]); 7] = [
    (
        "/",
        "text/html; charset=utf-8",
        include_bytes!("../web/index.html"),
    ),
    (
        "/app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/app.js"),
    ),
    (
        "/app.css",
        "text/css; charset=utf-8",
        include_bytes!("../web/app.css"),
    ),
    (
        "/vendor/topojson-client.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/vendor/topojson-client.min.js"),
    ),
    (
        "/vendor/countries-110m.json",
        "application/json",
        include_bytes!("../web/vendor/countries-110m.json"),
    ),
    (
        "/vendor/LICENSE.topojson-client",
        "text/plain; charset=utf-8",
        include_bytes!("../web/vendor/LICENSE.topojson-client"),
    ),
    (
        "/vendor/LICENSE.world-atlas",
        "text/plain; charset=utf-8",
        include_bytes!("../web/vendor/LICENSE.world-atlas"),
    ),
];

/// The page's routes.
pub fn routes() -> Router<Arc<crate::api::State>> {
    let mut router = Router::new();
    for (path, content_type, bytes) in FILES {
        router = router.route(
            path,
            get(move || async move {
                (
                    [
                        (header::CONTENT_TYPE, content_type),
                        (header::CACHE_CONTROL, "no-cache"),
                    ],
                    bytes,
                )
                    .into_response()
            }),
        );
    }
    router
}
