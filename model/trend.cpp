#include "model/trend.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <stdexcept>

namespace model {

Line fit_line(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size() || x.size() < 2) throw std::invalid_argument("a trend needs two or more years of history");
    const auto n = static_cast<Eigen::Index>(x.size());
    Eigen::MatrixXd design(n, 2);
    Eigen::VectorXd target(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        design(i, 0) = 1.0;
        design(i, 1) = x[static_cast<std::size_t>(i)];
        target(i) = y[static_cast<std::size_t>(i)];
    }
    const Eigen::Vector2d coef = design.colPivHouseholderQr().solve(target);
    return Line{coef(0), coef(1)};
}

long long whole_pupils(double pupils) { return pupils <= 0 ? 0 : std::llround(pupils); }

}  // namespace model
