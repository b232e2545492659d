from flask_wtf import FlaskForm
from wtforms import (BooleanField, EmailField, HiddenField, IntegerField, PasswordField,
                     SelectField, StringField, TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

CATEGORIES = [("personal", "Personal"), ("work", "Work"), ("ideas", "Ideas")]
PRODUCTS = [(1, "Dotted notebook"), (2, "Fountain pen"), (3, "Sticker pack")]


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=32)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=128)])
    remember = BooleanField("Remember me on this computer")
    next = HiddenField()


class NoteForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=80)])
    body = TextAreaField("Body", validators=[Length(max=4000)])
    category = SelectField("Category", choices=CATEGORIES, default="personal")


class SearchForm(FlaskForm):
    q = StringField("Search titles", validators=[DataRequired(), Length(max=40)])


class ImportForm(FlaskForm):
    url = StringField("Import from URL", validators=[
        DataRequired(), Length(max=300), Regexp(r"^https?://", message="Use an http(s) URL."),
    ])
    category = SelectField("Category", choices=CATEGORIES, default="ideas")


class PreviewForm(FlaskForm):
    body = TextAreaField("Text", validators=[DataRequired(), Length(max=2000)])


class DigestForm(FlaskForm):
    subject = StringField("Subject line", validators=[DataRequired(), Length(max=80)])


class DeleteForm(FlaskForm):
    pass


class OrderForm(FlaskForm):
    product = SelectField("Product", choices=PRODUCTS, coerce=int)
    quantity = IntegerField("Quantity", validators=[InputRequired(), NumberRange(min=1, max=99)], default=1)
    coupon = StringField("Coupon code", validators=[Optional(), Length(max=24)])


class TrackForm(FlaskForm):
    ref = StringField("Order reference", validators=[DataRequired(), Length(max=40)])


class ProfileForm(FlaskForm):
    display_name = StringField("Display name", validators=[DataRequired(), Length(max=40)])
    email = EmailField("E-mail", validators=[
        DataRequired(), Length(max=120),
        Regexp(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", message="Enter a valid e-mail address."),
    ])


class SettingsForm(FlaskForm):
    theme = SelectField("Theme", choices=[("light", "Light"), ("dark", "Dark")])
    notify = BooleanField("E-mail me a weekly digest")
