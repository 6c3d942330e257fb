//! Affine matrices of PDF (row vectors: `p' = p × M`).

/// `[a b c d e f]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    pub a: f32,
    pub b: f32,
    pub c: f32,
    pub d: f32,
    pub e: f32,
    pub f: f32,
}

impl Matrix {
    pub const IDENTITY: Matrix = Matrix {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    pub fn new(v: [f32; 6]) -> Matrix {
        let [a, b, c, d, e, f] = v;
        Matrix { a, b, c, d, e, f }
    }

    pub fn translate(x: f32, y: f32) -> Matrix {
        Matrix {
            e: x,
            f: y,
            ..Matrix::IDENTITY
        }
    }

    /// `self` then `other`.
    pub fn then(&self, o: &Matrix) -> Matrix {
        Matrix {
            a: self.a * o.a + self.b * o.c,
            b: self.a * o.b + self.b * o.d,
            c: self.c * o.a + self.d * o.c,
            d: self.c * o.b + self.d * o.d,
            e: self.e * o.a + self.f * o.c + o.e,
            f: self.e * o.b + self.f * o.d + o.f,
        }
    }

    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        (self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f)
    }

    pub fn is_finite(&self) -> bool {
        [self.a, self.b, self.c, self.d, self.e, self.f]
            .iter()
            .all(|v| v.is_finite())
    }
}

/// A page's visible box and rotation: user space → page space (origin top
/// left, y down, rotation applied).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSpace {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    /// 0, 90, 180 or 270.
    pub rotate: i32,
}

impl PageSpace {
    /// Width and height as displayed.
    pub fn size(&self) -> (f32, f32) {
        let (w, h) = (self.x1 - self.x0, self.y1 - self.y0);
        if self.rotate % 180 == 0 {
            (w, h)
        } else {
            (h, w)
        }
    }

    pub fn map(&self, x: f32, y: f32) -> (f32, f32) {
        match self.rotate {
            90 => (y - self.y0, x - self.x0),
            180 => (self.x1 - x, y - self.y0),
            270 => (self.y1 - y, self.x1 - x),
            _ => (x - self.x0, self.y1 - y),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composition_and_rotation() {
        let m = Matrix::new([2.0, 0.0, 0.0, 2.0, 10.0, 20.0]).then(&Matrix::translate(1.0, 1.0));
        assert_eq!(m.apply(1.0, 1.0), (13.0, 23.0));
        let page = PageSpace {
            x0: 0.0,
            y0: 0.0,
            x1: 100.0,
            y1: 200.0,
            rotate: 90,
        };
        assert_eq!(page.size(), (200.0, 100.0));
        assert_eq!(page.map(0.0, 0.0), (0.0, 0.0));
        assert_eq!(page.map(0.0, 200.0), (200.0, 0.0));
        let upright = PageSpace { rotate: 0, ..page };
        assert_eq!(upright.map(10.0, 190.0), (10.0, 10.0));
    }
}
