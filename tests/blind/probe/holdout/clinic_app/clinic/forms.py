from flask_wtf import FlaskForm
from wtforms import (BooleanField, DateField, DecimalField, PasswordField, SelectField, StringField,
                     TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=128)])
    remember = BooleanField("Remember this device", default=True)


class ResetForm(FlaskForm):
    email = StringField("E-mail", validators=[Optional(), Length(max=200)])


class SearchForm(FlaskForm):
    q = StringField("Name contains", validators=[Optional(), Length(max=200)])


class FindDoctorForm(FlaskForm):
    doctor = StringField("Doctor", validators=[Optional(), Length(max=200)])


class NoteForm(FlaskForm):
    body = TextAreaField("Note", validators=[DataRequired(), Length(max=2000)])


class LetterForm(FlaskForm):
    visit_date = DateField("Next visit", validators=[InputRequired()])
    closing = StringField("Closing line", default="Kind regards, Riverside Clinic",
                          validators=[DataRequired(), Length(max=300)])


class ReminderForm(FlaskForm):
    hours_before = DecimalField("Hours before", default=24, places=0,
                                validators=[InputRequired(), NumberRange(1, 168)])
    message = StringField("Message", default="Please bring your insurance card.",
                          validators=[DataRequired(), Length(max=300)])


class DosageForm(FlaskForm):
    weight = DecimalField("Body weight (kg)", default=70, places=1,
                          validators=[InputRequired(), NumberRange(1, 300)])
    formula = StringField("Dose formula (mg)", default="weight * 0.5",
                          validators=[DataRequired(), Length(max=200)])


class PreferencesForm(FlaskForm):
    theme = SelectField("Theme", choices=[("light", "Light"), ("dark", "Dark"), ("contrast", "High contrast")])
    compact = BooleanField("Compact patient list")
