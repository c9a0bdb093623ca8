//! The shape a front-matter tree is expected to have: which keys a mapping allows, which it
//! requires, and what type each value is. `model::schema` describes every kind of file with it;
//! `load` checks each file's tree against it before the final typing, so that every unknown key
//! and every value of the wrong type is reported at its own span, with a hint.

/// What a value must be.
#[derive(Debug)]
pub enum Shape {
    /// Anything: the final typing decides (used where YAML's own rules are the clearest check).
    Any,
    /// Any scalar: YAML text, or a number or date read as text.
    Text,
    /// A whole number, written without quotes.
    Integer,
    /// `true` or `false`.
    Bool,
    /// `2018`, `2018-01` or `2018-01-15`.
    Date,
    /// A list of values of one shape (an empty value counts as an empty list).
    List(&'static Shape),
    /// A group of fields (an empty value counts as a group without fields).
    Map(&'static [Field]),
}

/// One key of a mapping.
#[derive(Debug)]
pub struct Field {
    pub key: &'static str,
    pub shape: Shape,
    /// The field must be present.
    pub required: bool,
    /// An empty value (`key:`, `~`) means "not given", whatever the shape.
    pub nullable: bool,
}

impl Field {
    /// A field every file must have.
    pub const fn required(key: &'static str, shape: Shape) -> Field {
        Field {
            key,
            shape,
            required: true,
            nullable: false,
        }
    }

    /// A field that may be left out; when present its value must fit the shape.
    pub const fn optional(key: &'static str, shape: Shape) -> Field {
        Field {
            key,
            shape,
            required: false,
            nullable: false,
        }
    }

    /// A field that may be left out or left empty.
    pub const fn nullable(key: &'static str, shape: Shape) -> Field {
        Field {
            key,
            shape,
            required: false,
            nullable: true,
        }
    }
}

impl Shape {
    /// The fields of a mapping shape; empty for the others.
    pub fn fields(&self) -> &'static [Field] {
        match self {
            Shape::Map(fields) => fields,
            _ => &[],
        }
    }
}
