/*
 * statistics_module.c — `_statistics._normal_dist_inv_cdf(p, mu, sigma)`:
 * the inverse of the normal CDF by Wichura's algorithm AS241 (Applied
 * Statistics 37(3), 1988), the same rational approximations, evaluated in
 * the same order, as statistics.py's fallback, so both give the same
 * doubles.  The caller (NormalDist.inv_cdf) checks 0 < p < 1.
 */
#include <math.h>

#include "libobject/libobject.h"
#include "stdlib/modules.h"

KnObject *kn_init__statistics(void);

/* c[0]*r^7 + ... + c[7], evaluated by Horner's rule from c[0]. */
static double poly7(const double c[8], double r)
{
    double v = c[0];
    for (int i = 1; i < 8; i++)
        v = v * r + c[i];
    return v;
}

/* AS241 coefficients, highest power first: PPND16's A/B (central region),
 * C/D (r <= 5) and E/F (the tails). */
static const double central_num[8] = {
    2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4,
    4.5921953931549871457e+4, 1.3731693765509461125e+4, 1.9715909503065514427e+3,
    1.3314166789178437745e+2, 3.3871328727963666080e+0};
static const double central_den[8] = {
    5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4,
    2.1213794301586595867e+4, 5.3941960214247511077e+3, 6.8718700749205790830e+2,
    4.2313330701600911252e+1, 1.0};
static const double near_num[8] = {
    7.74545014278341407640e-4, 2.27238449892691845833e-2, 2.41780725177450611770e-1,
    1.27045825245236838258e+0, 3.64784832476320460504e+0, 5.76949722146069140550e+0,
    4.63033784615654529590e+0, 1.42343711074968357734e+0};
static const double near_den[8] = {
    1.05075007164441684324e-9, 5.47593808499534494600e-4, 1.51986665636164571966e-2,
    1.48103976427480074590e-1, 6.89767334985100004550e-1, 1.67638483018380384940e+0,
    2.05319162663775882187e+0, 1.0};
static const double tail_num[8] = {
    2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.24266094738807843860e-3,
    2.65321895265761230930e-2, 2.96560571828504891230e-1, 1.78482653991729133580e+0,
    5.46378491116411436990e+0, 6.65790464350110377720e+0};
static const double tail_den[8] = {
    2.04426310338993978564e-15, 1.42151175831644588870e-7, 1.84631831751005468180e-5,
    7.86869131145613259100e-4, 1.48753612908506148525e-2, 1.36929880922735805310e-1,
    5.99832206555887937690e-1, 1.0};

static double inv_cdf(double p, double mu, double sigma)
{
    double q = p - 0.5, x;
    if (fabs(q) <= 0.425) {
        double r = 0.180625 - q * q;
        x = poly7(central_num, r) * q / poly7(central_den, r);
        return mu + x * sigma;
    }
    double r = sqrt(-log(q <= 0.0 ? p : 1.0 - p));
    if (r <= 5.0) {
        r -= 1.6;
        x = poly7(near_num, r) / poly7(near_den, r);
    } else {
        r -= 5.0;
        x = poly7(tail_num, r) / poly7(tail_den, r);
    }
    if (q < 0.0)
        x = -x;
    return mu + x * sigma;
}

static int real_arg(KnObject *o, double *out)
{
    if (KN_FLOAT_CHECK_EXACT(o)) {
        *out = KN_FLOAT_VALUE(o);
        return 0;
    }
    KnNumberMethods *nb = KN_TYPE(o)->tp_as_number;
    if (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) {
        ob_err_format(ob_exc_TypeError, "must be real number, not %.50s", KN_TYPE(o)->tp_name);
        return -1;
    }
    *out = ob_float_as_double(o);
    return *out == -1.0 && ob_err_occurred() ? -1 : 0;
}

static KnObject *normal_dist_inv_cdf(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (nargs != 3)
        return ob_err_format(ob_exc_TypeError, "_normal_dist_inv_cdf expected 3 arguments, got %zd",
                             nargs);
    double v[3];
    for (int i = 0; i < 3; i++)
        if (real_arg(args[i], &v[i]) < 0)
            return NULL;
    /* NaN passes (and propagates), as in CPython */
    if (v[0] <= 0.0 || v[0] >= 1.0 || v[2] <= 0.0) {
        ob_err_set_string(ob_exc_ValueError, "inv_cdf undefined for these parameters");
        return NULL;
    }
    return ob_float_from_double(inv_cdf(v[0], v[1], v[2]));
}

static KnMethodDef statistics_functions[] = {
    {"_normal_dist_inv_cdf", (KnCFunction)(void (*)(void))normal_dist_inv_cdf, KN_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__statistics(void)
{
    KnObject *m = ob_module_new_cstr("_statistics");
    if (m == NULL || ob_module_add_functions(m, statistics_functions) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr("Accelerators for the statistics module.\n")) < 0)
        return NULL;
    return m;
}
