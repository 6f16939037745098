#pragma once
// A least-squares straight line through a short history (Eigen).

#include <vector>

namespace model {

/// y ≈ intercept + slope × x, fitted by least squares. Needs two or more points.
struct Line {
    double intercept = 0;
    double slope = 0;
    double at(double x) const { return intercept + slope * x; }
};

Line fit_line(const std::vector<double>& x, const std::vector<double>& y);

/// The one place a forecast's pupil count crosses from double to a whole
/// number: nearest pupil, halves away from zero, never below zero.
long long whole_pupils(double pupils);

}  // namespace model
