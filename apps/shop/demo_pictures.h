#pragma once

#include <stop_token>

#include "images_service.h"
#include "store/catalog_store.h"

// Gives every product of the demo catalog without pictures one drawn for it
// (images::draw_demo_picture, `size` pixels square), uploaded to the images service and named in
// the product, so the storefront is not empty. Returns how many products
// got one; a second start finds them all pictured and does nothing. Stops
// early, between two products, when `stop` is requested.
int picture_demo_products(catalog::CatalogStore& catalog, images::ImagesService& images, int size,
                          std::stop_token stop);
