#include "io/basemap.hpp"

#include "common/error.hpp"

namespace frontmap::io {

namespace {

void append_parts(OGRGeometryH geom, std::vector<Path>& parts) {
    const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(geom));
    const int children = OGR_G_GetGeometryCount(geom);
    if (type == wkbPoint || type == wkbLineString || type == wkbLinearRing) {
        const int n = OGR_G_GetPointCount(geom);
        Path path(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) path[static_cast<size_t>(i)] = {OGR_G_GetX(geom, i), OGR_G_GetY(geom, i)};
        parts.push_back(std::move(path));
        return;
    }
    for (int i = 0; i < children; ++i) append_parts(OGR_G_GetGeometryRef(geom, i), parts);
}

// Spatial and attribute filters are the layer's state: cleared however a read ends, also when a
// bad filter throws.
class FilterScope {
public:
    explicit FilterScope(OGRLayerH layer) : layer_(layer) {}
    FilterScope(const FilterScope&) = delete;
    FilterScope& operator=(const FilterScope&) = delete;
    ~FilterScope() {
        OGR_L_SetSpatialFilter(layer_, nullptr);
        OGR_L_SetAttributeFilter(layer_, nullptr);
    }

private:
    OGRLayerH layer_;
};

}  // namespace

Basemap::Basemap(const std::filesystem::path& file) : file_(file) {
    if (!std::filesystem::exists(file))
        throw DataError("cannot open basemap " + file.string(), "no such file (run tools/setup.sh to build it)");
    ds_ = gdal::open_vector(file.string());
}

bool Basemap::has_layer(const std::string& layer) const {
    return GDALDatasetGetLayerByName(ds_.get(), layer.c_str()) != nullptr;
}

std::vector<Basemap::AreaLabel> Basemap::area_labels(const std::string& layer_name, const BBox& bbox) const {
    std::vector<AreaLabel> out;
    OGRLayerH layer = GDALDatasetGetLayerByName(ds_.get(), layer_name.c_str());
    if (!layer) return out;
    gdal::GeometryPtr box{OGR_G_CreateGeometry(wkbPolygon)};
    {
        gdal::GeometryPtr ring{OGR_G_CreateGeometry(wkbLinearRing)};
        for (auto [x, y] : {std::pair{bbox.west, bbox.south}, {bbox.east, bbox.south}, {bbox.east, bbox.north}, {bbox.west, bbox.north}, {bbox.west, bbox.south}})
            OGR_G_AddPoint_2D(ring.get(), x, y);
        OGR_G_AddGeometryDirectly(box.get(), ring.release());
    }
    const double box_area = OGR_G_Area(box.get());
    const int name_idx = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "name");
    const FilterScope scope(layer);
    OGR_L_SetSpatialFilter(layer, box.get());
    OGR_L_ResetReading(layer);
    while (gdal::FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        OGRGeometryH geom = OGR_F_GetGeometryRef(f.get());
        if (!geom || name_idx < 0) continue;
        gdal::GeometryPtr inside{OGR_G_Intersection(geom, box.get())};
        if (!inside || OGR_G_IsEmpty(inside.get())) continue;
        gdal::GeometryPtr point{OGR_G_PointOnSurface(inside.get())};
        if (!point || OGR_G_IsEmpty(point.get())) continue;
        out.push_back({OGR_F_GetFieldAsString(f.get(), name_idx), {OGR_G_GetX(point.get(), 0), OGR_G_GetY(point.get(), 0)},
                       box_area > 0 ? OGR_G_Area(inside.get()) / box_area : 0.0});
    }
    return out;
}

bool Basemap::has_features(const std::string& layer_name, const BBox& bbox) const {
    OGRLayerH layer = GDALDatasetGetLayerByName(ds_.get(), layer_name.c_str());
    if (!layer) return false;
    const FilterScope scope(layer);
    OGR_L_SetSpatialFilterRect(layer, bbox.west, bbox.south, bbox.east, bbox.north);
    OGR_L_ResetReading(layer);
    // The first feature answers; counting them all tested every big polygon exactly.
    return gdal::FeaturePtr{OGR_L_GetNextFeature(layer)} != nullptr;
}

std::vector<BasemapFeature> Basemap::read(const std::string& layer_name, const BBox& bbox, const std::string& where) const {
    OGRLayerH layer = GDALDatasetGetLayerByName(ds_.get(), layer_name.c_str());
    if (!layer) throw DataError("basemap " + file_.string(), "has no layer '" + layer_name + "' (run tools/setup.sh again)");
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int name_idx = OGR_FD_GetFieldIndex(defn, "name");
    const int country_idx = OGR_FD_GetFieldIndex(defn, "country");
    const int code_idx = OGR_FD_GetFieldIndex(defn, "feature_code");
    const int level_idx = OGR_FD_GetFieldIndex(defn, "level");
    const int pop_idx = OGR_FD_GetFieldIndex(defn, "population");
    const int imp_idx = OGR_FD_GetFieldIndex(defn, "importance");

    const FilterScope scope(layer);
    OGR_L_SetSpatialFilterRect(layer, bbox.west, bbox.south, bbox.east, bbox.north);
    if (OGR_L_SetAttributeFilter(layer, where.empty() ? nullptr : where.c_str()) != OGRERR_NONE)
        throw DataError("basemap " + file_.string(), "bad filter '" + where + "' on layer " + layer_name + ": " + gdal::last_error());
    OGR_L_ResetReading(layer);
    std::vector<BasemapFeature> out;
    while (gdal::FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        OGRGeometryH geom = OGR_F_GetGeometryRef(f.get());
        if (!geom) continue;
        BasemapFeature feature;
        append_parts(geom, feature.parts);
        if (name_idx >= 0) feature.name = OGR_F_GetFieldAsString(f.get(), name_idx);
        if (country_idx >= 0) feature.country = OGR_F_GetFieldAsString(f.get(), country_idx);
        if (code_idx >= 0) feature.feature_code = OGR_F_GetFieldAsString(f.get(), code_idx);
        if (level_idx >= 0) feature.level = OGR_F_GetFieldAsInteger(f.get(), level_idx);
        if (pop_idx >= 0) feature.population = OGR_F_GetFieldAsInteger64(f.get(), pop_idx);
        if (imp_idx >= 0) feature.importance = OGR_F_GetFieldAsDouble(f.get(), imp_idx);
        out.push_back(std::move(feature));
    }
    return out;
}

}  // namespace frontmap::io
